package io.sandmle.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Usage;
import io.sandmle.support.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link LanguageModel} behind an OpenAI-compatible {@code /v1/chat/completions} endpoint.
 *
 * <p>Rate limits (429), server errors (5xx), timeouts and refused connections are retried with
 * exponential backoff and jitter, honouring a server's {@code Retry-After}. An HTTP 400 naming the
 * completion-limit field ({@code max_tokens} or {@code max_completion_tokens}) is answered by sending the
 * request once more under the other name, which the client then keeps. At most
 * {@link OpenAiSettings#maxConcurrent()} calls are in flight at once. Every fault ends as a
 * {@link ChatResponse#failure} with one sentence; this class never throws from {@link #chat}.
 */
public final class OpenAiLanguageModel implements LanguageModel {


    private final OpenAiSettings settings;
    private final URI endpoint;
    private final HttpClient http;
    private final Semaphore inFlight;
    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder completionTokens = new LongAdder();
    private final DoubleAdder costUsd = new DoubleAdder();
    private final LongAdder calls = new LongAdder();
    private final LongAdder failures = new LongAdder();
    /** The completion-limit field the endpoint accepts, as far as the client has learnt. */
    private volatile String maxTokensField;

    public OpenAiLanguageModel(OpenAiSettings settings) {
        this.settings = settings;
        this.endpoint = URI.create(settings.baseUrl() + "/chat/completions");
        Duration connect = settings.requestTimeout().compareTo(Duration.ofSeconds(10)) < 0
                ? settings.requestTimeout() : Duration.ofSeconds(10);
        // HTTP/1.1: several local servers mishandle the h2c upgrade Java attempts by default.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connect).build();
        this.inFlight = new Semaphore(Math.max(1, settings.maxConcurrent()), true);
        this.maxTokensField = settings.maxTokensField();
    }

    @Override
    public String id() {
        return settings.model();
    }

    /** Tokens and dollars spent by every call so far. */
    public Usage totalUsage() {
        return new Usage(promptTokens.sum(), completionTokens.sum(), costUsd.sum());
    }

    /** Calls made so far, and how many of them ended as failures. */
    public long calls() {
        return calls.sum();
    }

    public long failures() {
        return failures.sum();
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        long start = System.nanoTime();
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ChatResponse.failure("The call was interrupted before it was sent.", 0);
        }
        try {
            ChatResponse response = callWithRetries(request, start);
            record(response);
            return response;
        } finally {
            inFlight.release();
        }
    }

    private ChatResponse callWithRetries(ChatRequest request, long start) {
        for (int attempt = 0; ; attempt++) {
            Attempt a = sendLearningTokenField(request, start);
            if (a.response != null) {
                return a.response;
            }
            if (attempt >= settings.maxRetries()) {
                String tries = attempt == 0 ? "" : " (after " + (attempt + 1) + " attempts)";
                return ChatResponse.failure(a.problem + tries, millisSince(start));
            }
            try {
                Thread.sleep(delay(attempt, a.retryAfter).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ChatResponse.failure(a.problem + " (interrupted while waiting to retry)", millisSince(start));
            }
        }
    }

    /**
     * Sends the request with the completion limit under the field name the client currently uses; when the
     * endpoint refuses that name (OpenAI's reasoning models refuse {@code max_tokens}; some servers do not know
     * {@code max_completion_tokens}) it is sent once more under the other name, which later calls keep.
     */
    private Attempt sendLearningTokenField(ChatRequest request, long start) {
        String field = maxTokensField;
        Attempt a = send(RequestBody.of(request, settings, field), start);
        if (!a.tokenFieldRefused()) {
            return a;
        }
        String other = field.equals(OpenAiSettings.MAX_TOKENS) ? OpenAiSettings.MAX_COMPLETION_TOKENS
                : OpenAiSettings.MAX_TOKENS;
        maxTokensField = other;
        return send(RequestBody.of(request, settings, other), start);
    }

    private Attempt send(String body, long start) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            b.header("Authorization", "Bearer " + settings.apiKey());
        }
        settings.headers().forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            int code = r.statusCode();
            if (code == 200) {
                return Attempt.done(CompletionParser.parse(r.body(), settings, millisSince(start)));
            }
            String detail = describe(r.body());
            if (code == 429 || code >= 500) {
                return Attempt.retry("The endpoint answered HTTP " + code + " (" + detail + ")", retryAfter(r));
            }
            ChatResponse refused = ChatResponse.failure("The endpoint refused the request with HTTP " + code + " ("
                    + detail + "); check model, api-key-env and the request settings.", millisSince(start));
            return code == 400 && namesTokenField(r.body()) ? Attempt.refusedTokenField(refused) : Attempt.done(refused);
        } catch (HttpTimeoutException e) {
            return Attempt.retry("The endpoint did not answer within " + settings.requestTimeout().toSeconds()
                    + " s; raise timeout-seconds or check the server", null);
        } catch (ConnectException e) {
            return Attempt.retry("Could not connect to " + settings.baseUrl()
                    + "; start the server or fix base-url", null);
        } catch (IOException e) {
            return Attempt.retry("The connection to " + settings.baseUrl() + " failed (" + e.getMessage() + ")", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.done(ChatResponse.failure("The call was interrupted.", millisSince(start)));
        }
    }

    private Duration delay(int attempt, Duration retryAfter) {
        return delay(attempt, retryAfter, settings.backoff(), settings.maxBackoff(), ThreadLocalRandom.current());
    }

    /**
     * The wait before retry {@code attempt + 1}: the server's Retry-After when it sent one, else exponential
     * backoff d = backoff·2^attempt with "equal jitter", a delay drawn uniformly from [d/2, d]. Half of d is kept
     * (unlike full jitter's [0, d]) so a retry never hits an overloaded server at once; the other half spreads
     * parallel clients apart. Both are capped at {@code maxBackoff}.
     */
    static Duration delay(int attempt, Duration retryAfter, Duration backoff, Duration maxBackoff,
                          java.util.random.RandomGenerator random) {
        long cap = maxBackoff.toMillis();
        if (retryAfter != null) {
            return Duration.ofMillis(Math.min(cap, Math.max(0, retryAfter.toMillis())));
        }
        long d = Math.min(cap, backoff.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis(d - d / 2 + random.nextLong(d / 2 + 1));
    }

    /** Whether an error body names a completion-limit field, i.e. the endpoint refused the name it was sent. */
    private static boolean namesTokenField(String body) {
        return body != null && (body.contains(OpenAiSettings.MAX_TOKENS)
                || body.contains(OpenAiSettings.MAX_COMPLETION_TOKENS));
    }

    static Duration retryAfter(HttpResponse<?> r) {
        Optional<String> header = r.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return null;
        }
        String v = header.get().trim();
        try {
            return Duration.ofMillis((long) (Double.parseDouble(v) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Duration.between(ZonedDateTime.now(at.getZone()), at);
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    /** A short description of an error body: its message, "an HTML page", or its start. */
    private static String describe(String body) {
        String b = body == null ? "" : body.strip();
        if (b.isEmpty()) {
            return "empty body";
        }
        if (b.startsWith("<")) {
            return "an HTML error page";
        }
        try {
            JsonNode root = Json.MAPPER.readTree(b);
            if (root.has("error") || root.path("message").isTextual()) {
                return CompletionParser.errorMessage(root);
            }
        } catch (IOException notJson) {
            // fall through to the raw start of the body
        }
        return b.length() > 160 ? b.substring(0, 160) + "…" : b;
    }

    private void record(ChatResponse response) {
        calls.increment();
        if (response.failed()) {
            failures.increment();
        }
        promptTokens.add(response.usage().promptTokens());
        completionTokens.add(response.usage().completionTokens());
        costUsd.add(response.usage().costUsd());
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** One HTTP attempt: a final response (possibly a refusal of the completion-limit field), or a retryable problem. */
    private record Attempt(ChatResponse response, String problem, Duration retryAfter, boolean tokenFieldRefused) {
        static Attempt done(ChatResponse r) {
            return new Attempt(r, null, null, false);
        }

        static Attempt refusedTokenField(ChatResponse r) {
            return new Attempt(r, null, null, true);
        }

        static Attempt retry(String problem, Duration retryAfter) {
            return new Attempt(null, problem, retryAfter, false);
        }
    }
}
