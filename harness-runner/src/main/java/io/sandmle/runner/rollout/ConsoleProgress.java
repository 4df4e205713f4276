package io.sandmle.runner.rollout;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A progress bar with the episodes done, the rate and an estimate of the time left. On a terminal it
 * redraws one line; otherwise (CI logs, pipes) it prints one line per finished episode.
 */
public final class ConsoleProgress implements Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean redraw;
    private int total;
    private int done;
    private int doneBefore;
    private long startNanos;

    public ConsoleProgress(PrintStream out, boolean redraw) {
        this.out = out;
        this.redraw = redraw;
    }

    /** A bar on stderr that redraws when a console is attached. */
    public static ConsoleProgress onStderr() {
        return new ConsoleProgress(System.err, System.console() != null);
    }

    @Override
    public synchronized void start(int total, int alreadyDone) {
        this.total = total;
        this.done = alreadyDone;
        this.doneBefore = alreadyDone;
        this.startNanos = System.nanoTime();
        if (alreadyDone > 0) {
            out.println("Resuming: " + alreadyDone + " of " + total + " episodes were already finished.");
        }
    }

    @Override
    public synchronized void episodeDone(RolloutEngine.Outcome o) {
        done++;
        String line = line() + "  last: " + o.spec().episodeId() + " (" + o.record().endReason() + ")";
        if (redraw) {
            out.print("\r" + line + "\u001b[K");
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public synchronized void finish() {
        if (redraw) {
            out.println();
        }
    }

    /** {@code [#######.......] 12/40  30%  2.1 ep/min  ETA 13m20s}. */
    synchronized String line() {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        double minutes = (System.nanoTime() - startNanos) / 60e9;
        int ranNow = done - doneBefore;
        double rate = minutes > 0 ? ranNow / minutes : 0;
        String eta = rate > 0 ? format(Duration.ofSeconds((long) ((total - done) / rate * 60))) : "?";
        return String.format("[%s%s] %d/%d %3d%%  %.1f ep/min  ETA %s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                done, total, total == 0 ? 100 : 100 * done / total, rate, eta);
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? (s / 3600) + "h" + (s % 3600 / 60) + "m" : s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "s";
    }
}
