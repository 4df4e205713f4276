/**
 * The SandMLE Harness SPI: the interfaces a plugin implements and the immutable value types that
 * cross module boundaries. Every other module depends on this one and on nothing else of ours.
 *
 * <p>Value types are records. Those that are persisted (written to run folders, task folders or
 * the run database) carry a {@code schemaVersion} so readers can tell old files from new ones.
 */
package io.sandmle.api;
