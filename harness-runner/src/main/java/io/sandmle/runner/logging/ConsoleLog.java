package io.sandmle.runner.logging;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console side of logging: by default the harness's warnings and any library's errors only (a command's own
 * output is what a person reads), every message from {@code FINE} up with {@code --verbose}. The root level stays at least {@code INFO}
 * so each run's {@link RunLog} gets the full story either way.
 */
public final class ConsoleLog {

    private static final Handler STDERR = stderr();
    /** The harness's own loggers, whose warnings the console shows. */
    private static final String HARNESS = "io.sandmle.";

    private ConsoleLog() {
    }

    /** Replaces the JDK's default console handler with the harness's; {@code verbose} shows more than warnings. */
    public static synchronized void configure(boolean verbose) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            if (h instanceof ConsoleHandler) {
                root.removeHandler(h);
            }
        }
        root.removeHandler(STDERR);
        root.addHandler(STDERR);
        STDERR.setLevel(verbose ? Level.FINE : Level.WARNING);
        // Libraries warn about what the harness already handles (DJL probing for a GPU on a CPU-only machine):
        // by default their warnings stay in the run's log, and only their errors reach the console.
        STDERR.setFilter(verbose ? null : r -> String.valueOf(r.getLoggerName()).startsWith(HARNESS)
                || r.getLevel().intValue() >= Level.SEVERE.intValue());
        root.setLevel(verbose ? Level.FINE : Level.INFO);
    }

    private static Handler stderr() {
        ConsoleHandler handler = new ConsoleHandler();
        handler.setFormatter(new LogLineFormat());
        return handler;
    }
}
