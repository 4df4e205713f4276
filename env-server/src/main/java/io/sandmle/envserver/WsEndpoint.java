package io.sandmle.envserver;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * One WebSocket connection on {@code /ws}: one client session. Messages are handled one after another on
 * the server's worker pool, not on the thread that read them: a step can take minutes, and meanwhile Jetty
 * must keep reading the connection to answer the client's keep-alive pings (Python's websockets closes a
 * connection whose ping goes unanswered for 20 s, which a 64-session test showed). Each answer
 * is sent before the next message is handled, and when the socket goes away the session is closed after
 * the action in flight, so its episode is recorded as abandoned and its sandbox released. Public only because
 * Jetty calls the listener methods reflectively.
 */
public final class WsEndpoint implements Session.Listener.AutoDemanding {

    private final SessionRegistry registry;
    private final Protocol protocol;
    private final ExecutorService workers;
    private Session socket;
    private ClientSession session;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    WsEndpoint(SessionRegistry registry, Protocol protocol, ExecutorService workers) {
        this.registry = registry;
        this.protocol = protocol;
        this.workers = workers;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        this.socket = opened;
        try {
            session = registry.open(() -> opened.close(StatusCode.NORMAL, "idle timeout", Callback.NOOP));
        } catch (ProtocolError e) {
            // OpenEnv's behaviour at capacity: accept, say why in one error message, close.
            opened.sendText(protocol.error(e), Callback.from(() -> opened.close(StatusCode.TRY_AGAIN_LATER,
                    "at capacity", Callback.NOOP), x -> opened.close(StatusCode.TRY_AGAIN_LATER, "at capacity",
                    Callback.NOOP)));
        }
    }

    @Override
    public synchronized void onWebSocketText(String text) {
        if (session == null) {
            return;
        }
        tail = tail.thenRunAsync(() -> answer(text), workers);
    }

    private void answer(String text) {
        Protocol.Reply reply = protocol.handle(session, text);
        if (reply.close()) {
            registry.close(session);
            socket.close(StatusCode.NORMAL, "closed by the client", Callback.NOOP);
            return;
        }
        if (!socket.isOpen()) {
            return;
        }
        var sent = new CompletableFuture<Void>();
        socket.sendText(reply.json(), Callback.from(() -> sent.complete(null), sent::completeExceptionally));
        sent.exceptionally(x -> null).join();
    }

    @Override
    public synchronized void onWebSocketClose(int statusCode, String reason, Callback callback) {
        if (session != null) {
            ClientSession leaving = session;
            tail = tail.thenRunAsync(() -> registry.close(leaving), workers);
        }
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // A broken connection ends in onWebSocketClose too, which records the episode; nothing else to do.
    }
}
