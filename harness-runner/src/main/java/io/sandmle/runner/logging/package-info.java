/**
 * Logging: the harness logs through {@code java.util.logging} (its own code via {@link java.lang.System.Logger},
 * libraries that use SLF4J, such as Jetty and DJL, through the slf4j-jdk14 provider), quiet on the console unless
 * asked, and in full in each run folder's {@code sandmle.log}.
 */
package io.sandmle.runner.logging;
