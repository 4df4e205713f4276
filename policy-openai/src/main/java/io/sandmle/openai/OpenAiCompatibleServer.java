package io.sandmle.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Sampling;
import io.sandmle.api.TokenLogprob;
import io.sandmle.support.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Puts any {@link LanguageModel} behind an OpenAI-compatible HTTP endpoint on 127.0.0.1:
 * {@code POST /v1/chat/completions} (non-streaming, with logprobs in OpenAI's shape) and
 * {@code GET /v1/models}. A bad request gets HTTP 400; a model failure HTTP 500; both with an
 * OpenAI-style {@code {"error":{"message":…}}} body.
 */
public final class OpenAiCompatibleServer implements AutoCloseable {


    private final LanguageModel model;
    private final HttpServer server;
    private final ExecutorService workers;
    private final Path requestLog;

    private OpenAiCompatibleServer(LanguageModel model, HttpServer server, ExecutorService workers, Path requestLog) {
        this.model = model;
        this.server = server;
        this.workers = workers;
        this.requestLog = requestLog;
    }

    /**
     * Starts serving {@code model} on 127.0.0.1:{@code port} (0 picks a free port).
     *
     * @param threads requests handled at once
     */
    public static OpenAiCompatibleServer start(LanguageModel model, int port, int threads) throws IOException {
        return start(model, port, threads, null);
    }

    /**
     * As {@link #start(LanguageModel, int, int)}, appending one JSON line per chat request to {@code requestLog}
     * (when not null): the {@code X-Session-Id} header and the body's {@code user} field, which is how a
     * token-tracing proxy would see which session a call belongs to.
     */
    public static OpenAiCompatibleServer start(LanguageModel model, int port, int threads, Path requestLog)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, threads));
        OpenAiCompatibleServer s = new OpenAiCompatibleServer(model, server, workers, requestLog);
        server.createContext("/v1/chat/completions", s::completions);
        server.createContext("/v1/models", s::models);
        server.createContext("/", ex -> s.send(ex, 404, error("No such route " + ex.getRequestURI().getPath()
                + "; use /v1/chat/completions or /v1/models.", "not_found")));
        server.setExecutor(workers);
        server.start();
        return s;
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8000/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void models(HttpExchange ex) throws IOException {
        ObjectNode body = Json.MAPPER.createObjectNode().put("object", "list");
        body.putArray("data").addObject().put("id", model.id()).put("object", "model")
                .put("created", System.currentTimeMillis() / 1000).put("owned_by", "sandmle");
        send(ex, 200, body);
    }

    private void completions(HttpExchange ex) throws IOException {
        if (!ex.getRequestMethod().equals("POST")) {
            send(ex, 405, error("Use POST for /v1/chat/completions.", "invalid_request_error"));
            return;
        }
        ChatRequest request;
        try {
            JsonNode body = Json.MAPPER.readTree(ex.getRequestBody());
            logRequest(ex, body);
            request = parse(body);
        } catch (IOException | IllegalArgumentException e) {
            send(ex, 400, error("Bad request: " + e.getMessage(), "invalid_request_error"));
            return;
        }
        ChatResponse r = model.chat(request);
        if (r.failed()) {
            send(ex, 500, error(r.error(), "server_error"));
            return;
        }
        send(ex, 200, completion(r, request.logprobs()));
    }

    private synchronized void logRequest(HttpExchange ex, JsonNode body) throws IOException {
        if (requestLog == null) {
            return;
        }
        ObjectNode line = Json.MAPPER.createObjectNode();
        line.put("x_session_id", ex.getRequestHeaders().getFirst("X-Session-Id"));
        line.put("user", body == null ? null : body.path("user").asText(null));
        line.put("messages", body == null ? 0 : body.path("messages").size());
        Files.writeString(requestLog, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static ChatRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        if (body.path("stream").asBoolean(false)) {
            throw new IllegalArgumentException("streaming is not supported; send stream=false");
        }
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new IllegalArgumentException("'messages' must be a non-empty array");
        }
        List<ChatMessage> list = new ArrayList<>();
        for (JsonNode m : messages) {
            list.add(new ChatMessage(m.path("role").asText("user"), content(m.path("content"))));
        }
        int maxTokens = body.path("max_completion_tokens").asInt(body.path("max_tokens").asInt(4096));
        Long seed = body.path("seed").isIntegralNumber() ? body.get("seed").asLong() : null;
        Sampling sampling = new Sampling(body.path("temperature").asDouble(1.0), body.path("top_p").asDouble(1.0),
                maxTokens, seed);
        List<String> stop = new ArrayList<>();
        JsonNode s = body.path("stop");
        if (s.isTextual()) {
            stop.add(s.asText());
        } else if (s.isArray()) {
            s.forEach(x -> stop.add(x.asText()));
        }
        return new ChatRequest(list, sampling, stop, body.path("logprobs").asBoolean(false), ResponseFormatGuess.of(list));
    }

    /** Message content as a string, or OpenAI's list of parts with the text parts joined. */
    private static String content(JsonNode c) {
        if (c.isArray()) {
            StringBuilder b = new StringBuilder();
            c.forEach(part -> b.append(part.path("text").asText("")));
            return b.toString();
        }
        return c.isNull() || c.isMissingNode() ? "" : c.asText();
    }

    private ObjectNode completion(ChatResponse r, boolean wantLogprobs) {
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("id", "chatcmpl-" + UUID.randomUUID().toString().replace("-", ""))
                .put("object", "chat.completion").put("created", System.currentTimeMillis() / 1000)
                .put("model", model.id());
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant").put("content", r.content());
        if (r.reasoning() != null) {
            message.put("reasoning_content", r.reasoning());
        }
        if (wantLogprobs && !r.logprobs().isEmpty()) {
            ArrayNode content = choice.putObject("logprobs").putArray("content");
            for (TokenLogprob t : r.logprobs()) {
                ObjectNode tok = content.addObject().put("token", t.token()).put("logprob", t.logprob());
                ArrayNode bytes = tok.putArray("bytes");
                for (byte b : t.token().getBytes(StandardCharsets.UTF_8)) {
                    bytes.add(b & 0xff);
                }
                tok.putArray("top_logprobs");
            }
        } else {
            choice.putNull("logprobs");
        }
        choice.put("finish_reason", r.finishReason() == null ? "stop" : r.finishReason());
        body.putObject("usage").put("prompt_tokens", r.usage().promptTokens())
                .put("completion_tokens", r.usage().completionTokens())
                .put("total_tokens", r.usage().promptTokens() + r.usage().completionTokens());
        return body;
    }

    private static ObjectNode error(String message, String type) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("error").put("message", message).put("type", type);
        return body;
    }

    private void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
