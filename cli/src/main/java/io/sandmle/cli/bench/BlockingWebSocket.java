package io.sandmle.cli.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A request-and-answer WebSocket client (the JDK's), for timing the environment server's protocol. */
final class BlockingWebSocket implements AutoCloseable {

    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private BlockingWebSocket(URI uri) {
        StringBuilder partial = new StringBuilder();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    answers.add(partial.toString());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }
        }).join();
    }

    static BlockingWebSocket connect(String url) {
        return new BlockingWebSocket(URI.create(url));
    }

    /** Sends one message and waits for its answer. */
    String ask(String message) throws InterruptedException {
        socket.sendText(message, true).join();
        String answer = answers.poll(5, TimeUnit.MINUTES);
        if (answer == null) {
            throw new IllegalStateException("The environment server did not answer within 5 minutes.");
        }
        return answer;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
}
