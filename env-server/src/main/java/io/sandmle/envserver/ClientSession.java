package io.sandmle.envserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One client's session (a WebSocket connection, or an HTTP session started by {@code POST /reset}): at most
 * one episode at a time; a reset ends the current episode (recorded as abandoned) and starts the next.
 */
final class ClientSession {

    private final String id;
    private final EpisodeOpener opener;
    private EpisodeSession episode;
    private volatile long lastActivityMillis = System.currentTimeMillis();
    private volatile boolean busy;
    private boolean closed;

    ClientSession(String id, EpisodeOpener opener) {
        this.id = id;
        this.opener = opener;
    }

    String id() {
        return id;
    }

    /** True when nothing has happened for {@code millis} and no action is running. */
    boolean idleFor(long millis) {
        return !busy && System.currentTimeMillis() - lastActivityMillis > millis;
    }

    synchronized EpisodeSession.Result reset(JsonNode request) {
        begin();
        try {
            if (episode != null) {
                episode.abandon();
                episode = null;
            }
            episode = opener.open(request);
            return new EpisodeSession.Result(episode.opening(), 0, false);
        } finally {
            end();
        }
    }

    synchronized EpisodeSession.Result step(JsonNode action) {
        begin();
        try {
            if (episode == null) {
                throw new ProtocolError(ProtocolError.NO_EPISODE, "There is no episode yet; send reset first.");
            }
            return episode.step(action);
        } finally {
            end();
        }
    }

    synchronized ObjectNode state() {
        return episode == null ? null : episode.state();
    }

    /** Ends the session: an unfinished episode is recorded as abandoned and its sandbox closed. */
    synchronized void close() {
        closed = true;
        if (episode != null) {
            episode.abandon();
        }
    }

    private void begin() {
        if (closed) {
            throw new ProtocolError(ProtocolError.SESSION_ERROR, "This session was closed (idle for too long, or the "
                    + "server is stopping); open a new one.");
        }
        busy = true;
        lastActivityMillis = System.currentTimeMillis();
    }

    private void end() {
        lastActivityMillis = System.currentTimeMillis();
        busy = false;
    }
}
