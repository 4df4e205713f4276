/**
 * The run folder and its index: trajectories as files, one DuckDB database as the commit log.
 * See {@link io.sandmle.runner.store.RunStore}.
 */
package io.sandmle.runner.store;
