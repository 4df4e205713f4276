package io.sandmle.runner.generate;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on stderr: attempted of total, kept, dropped and an ETA from the mean pace so far. */
public final class ProgressBar {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final int total;
    private final long start = System.nanoTime();
    private int done;
    private int kept;

    public ProgressBar(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    /** Records one attempted task and redraws the bar. */
    public synchronized void step(boolean wasKept) {
        done++;
        kept += wasKept ? 1 : 0;
        double elapsed = (System.nanoTime() - start) / 1e9;
        double eta = done == 0 ? 0 : elapsed / done * (total - done);
        int filled = total == 0 ? WIDTH : WIDTH * done / total;
        out.printf(Locale.ROOT, "\r[%s%s] %d/%d tasks, %d kept, %d dropped, %s elapsed, ETA %s ", "#".repeat(filled),
                ".".repeat(WIDTH - filled), done, total, kept, done - kept, clock(elapsed), clock(eta));
        if (done == total) {
            out.println();
        }
        out.flush();
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
