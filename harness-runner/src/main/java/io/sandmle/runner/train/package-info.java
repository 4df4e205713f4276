/**
 * {@code sandmle train}: a {@link io.sandmle.api.TrainingSession} over the rollout engine, the sandboxed
 * environment and the run store. The trainer, reward and policy are extensions named in the config.
 */
package io.sandmle.runner.train;
