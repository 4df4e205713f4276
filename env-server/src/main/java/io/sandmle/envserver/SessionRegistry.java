package io.sandmle.envserver;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The open client sessions: at most {@code max} at once (one more is refused with a capacity error), and a
 * reaper that closes sessions idle for longer than the timeout, so an episode left behind is recorded as
 * abandoned and its sandbox released.
 */
final class SessionRegistry implements AutoCloseable {

    private final int max;
    private final long idleMillis;
    private final EpisodeOpener opener;
    private final Map<String, Entry> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reaper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "env-server-reaper");
        t.setDaemon(true);
        return t;
    });

    /** A session and what to do when the reaper closes it (a WebSocket closes its connection). */
    private record Entry(ClientSession session, Runnable onExpire) {
    }

    SessionRegistry(int max, Duration idleTimeout, EpisodeOpener opener) {
        this.max = max;
        this.idleMillis = idleTimeout.toMillis();
        this.opener = opener;
        long period = Math.max(200, Math.min(idleMillis / 4, 5_000));
        reaper.scheduleWithFixedDelay(this::reapIdle, period, period, TimeUnit.MILLISECONDS);
    }

    /** A new session, or a {@code CAPACITY_REACHED} error when {@code max} are open. */
    synchronized ClientSession open(Runnable onExpire) {
        if (open.size() >= max) {
            throw new ProtocolError(ProtocolError.CAPACITY_REACHED, "Server at capacity: " + open.size() + "/" + max
                    + " sessions active; retry when one ends or start the server with a larger server.max-sessions.");
        }
        ClientSession s = new ClientSession(UUID.randomUUID().toString(), opener);
        open.put(s.id(), new Entry(s, onExpire));
        return s;
    }

    Optional<ClientSession> get(String id) {
        Entry e = open.get(id);
        return e == null ? Optional.empty() : Optional.of(e.session());
    }

    /** Ends a session (its unfinished episode is recorded as abandoned). */
    void close(ClientSession s) {
        open.remove(s.id());
        s.close();
    }

    int active() {
        return open.size();
    }

    int max() {
        return max;
    }

    private void reapIdle() {
        for (Entry e : open.values()) {
            if (e.session().idleFor(idleMillis)) {
                close(e.session());
                e.onExpire().run();
            }
        }
    }

    /** Closes every session; their unfinished episodes are recorded as abandoned. */
    @Override
    public void close() {
        reaper.shutdownNow();
        open.values().forEach(e -> close(e.session()));
    }
}
