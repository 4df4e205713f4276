/**
 * The experiment config: typed records read from YAML by {@link io.sandmle.runner.config.ConfigLoader},
 * which turns every mistake into one sentence with its line number.
 */
package io.sandmle.runner.config;
