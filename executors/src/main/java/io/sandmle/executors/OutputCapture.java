package io.sandmle.executors;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Drains one output stream of a step on its own thread: the first {@code maxLogBytes} go to a log file,
 * the rest is counted and dropped (the code keeps running), and the last bytes are kept for the tail the
 * agent sees. Draining never stops, so a step that prints a gigabyte cannot block on a full pipe.
 */
public final class OutputCapture {

    private final Thread thread;
    private final byte[] ring;
    private long total;
    private volatile IOException failure;

    private OutputCapture(InputStreamSource source, Path log, long maxLogBytes, int tailChars) {
        this.ring = new byte[Math.max(1024, tailChars * 4)];
        this.thread = new Thread(() -> drain(source, log, maxLogBytes), "output-" + log.getFileName());
        thread.setDaemon(true);
        thread.start();
    }

    /** Something that yields the stream once opened; opening a FIFO blocks until its writer appears. */
    @FunctionalInterface
    public interface InputStreamSource {
        InputStream open() throws IOException;
    }

    /** Starts draining {@code source} into {@code log}. */
    public static OutputCapture start(InputStreamSource source, Path log, long maxLogBytes, int tailChars) {
        return new OutputCapture(source, log, maxLogBytes, tailChars);
    }

    private void drain(InputStreamSource source, Path log, long maxLogBytes) {
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = source.open(); OutputStream out = Files.newOutputStream(log)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                long room = Math.max(0, maxLogBytes - total);
                if (room > 0) {
                    out.write(buf, 0, (int) Math.min(room, n));
                }
                remember(buf, n);
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    private synchronized void remember(byte[] buf, int n) {
        for (int i = Math.max(0, n - ring.length); i < n; i++) {
            ring[(int) ((total + i) % ring.length)] = buf[i];
        }
        total += n;
    }

    /** Waits until the stream has ended (at most {@code millis}); returns whether it did. */
    public boolean await(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /** Bytes the stream produced in total (logged or not). */
    public synchronized long totalBytes() {
        return total;
    }

    /** The last {@code chars} characters of the stream. */
    public synchronized String tail(int chars) {
        int kept = (int) Math.min(total, ring.length);
        byte[] last = new byte[kept];
        for (int i = 0; i < kept; i++) {
            last[i] = ring[(int) ((total - kept + i) % ring.length)];
        }
        String s = new String(last, StandardCharsets.UTF_8);
        String tail = s.length() > chars ? s.substring(s.length() - chars) : s;
        // A harness-side read failure is said where the output would have been, never hidden.
        return failure == null ? tail : tail + "\n[the harness could not read this stream: " + failure.getMessage() + "]";
    }

    /** Waits for the capture thread, giving up after a bounded time (used where the reader may be stuck). */
    public static void awaitAll(long millis, OutputCapture... captures) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (OutputCapture c : captures) {
            c.await(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
    }
}
