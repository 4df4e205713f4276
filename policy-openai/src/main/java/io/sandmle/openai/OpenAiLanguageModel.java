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
 * exponential backoff and jitter, honouring a server's {@code Retry-After}. At most
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

    public OpenAiLanguageModel(OpenAiSettings settings) {
        this.settings = settings;
        this.endpoint = URI.create(settings.baseUrl() + "/chat/completions");
        Duration connect = settings.requestTimeout().compareTo(Duration.ofSeconds(10)) < 0
                ? settings.requestTimeout() : Duration.ofSeconds(10);
        // HTTP/1.1: several local servers mishandle the h2c upgrade Java attempts by default.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connect).build();
        this.inFlight = new Semaphore(Math.max(1, settings.maxConcurrent()), true);
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
        String body = RequestBody.of(request, settings);
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ChatResponse.failure("The call was interrupted before it was sent.", 0);
        }
        try {
            ChatResponse response = callWithRetries(body, start);
            record(response);
            return response;
        } finally {
            inFlight.release();
        }
    }

    private ChatResponse callWithRetries(String body, long start) {
        for (int attempt = 0; ; attempt++) {
            Attempt a = send(body, start);
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
            return Attempt.done(ChatResponse.failure("The endpoint refused the request with HTTP " + code + " ("
                    + detail + "); check model, api-key-env and the request settings.", millisSince(start)));
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

    /** Exponential backoff with full jitter in [d/2, d], or the server's Retry-After, both capped. */
    private Duration delay(int attempt, Duration retryAfter) {
        long cap = settings.maxBackoff().toMillis();
        if (retryAfter != null) {
            return Duration.ofMillis(Math.min(cap, Math.max(0, retryAfter.toMillis())));
        }
        long base = Math.min(cap, settings.backoff().toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
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

    /** One HTTP attempt: a final response, or a retryable problem. */
    private record Attempt(ChatResponse response, String problem, Duration retryAfter) {
        static Attempt done(ChatResponse r) {
            return new Attempt(r, null, null);
        }

        static Attempt retry(String problem, Duration retryAfter) {
            return new Attempt(null, problem, retryAfter);
        }
    }
}
