package io.sandmle.runner.logging;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console side of logging: warnings only by default (a command's own output is what a person reads), every
 * message from {@code INFO} down to {@code FINE} with {@code --verbose}. The root level stays at least {@code INFO}
 * so each run's {@link RunLog} gets the full story either way.
 */
public final class ConsoleLog {

    private static final Handler STDERR = stderr();

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
        root.setLevel(verbose ? Level.FINE : Level.INFO);
    }

    private static Handler stderr() {
        ConsoleHandler handler = new ConsoleHandler();
        handler.setFormatter(new LogLineFormat());
        return handler;
    }
}
