package io.sandmle.openai;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How to reach one OpenAI-compatible endpoint (vLLM, SGLang, Ollama, llama.cpp server, OpenAI, OpenRouter).
 *
 * @param baseUrl            the API root, e.g. {@code http://localhost:8000/v1}
 * @param model              the model name sent with every request
 * @param apiKey             the bearer token, or {@code null} for servers that need none
 * @param requestTimeout     how long one HTTP call may take before it counts as a timeout
 * @param maxRetries         extra attempts after a 429, a 5xx, a timeout or a refused connection
 * @param backoff            the first retry delay; it doubles each attempt, with jitter
 * @param maxBackoff         the longest delay between attempts (also caps a server's Retry-After)
 * @param maxConcurrent      calls in flight at once from this client
 * @param pricePerMPrompt    US dollars per million prompt tokens (0 when unknown or free)
 * @param pricePerMCompletion US dollars per million completion tokens
 * @param extraBody          extra request fields passed through as strings or numbers (e.g. {@code top_k})
 * @param headers            extra HTTP headers sent with every call (e.g. a session id a token-tracing proxy
 *                           stitches trajectories by)
 */
public record OpenAiSettings(URI baseUrl, String model, String apiKey, Duration requestTimeout, int maxRetries,
                             Duration backoff, Duration maxBackoff, int maxConcurrent, double pricePerMPrompt,
                             double pricePerMCompletion, Map<String, String> extraBody, Map<String, String> headers) {

    /** The config keys {@link #fromSettings} understands. */
    public static final List<String> KEYS = List.of("base-url", "model", "api-key-env", "timeout-seconds",
            "max-retries", "backoff-millis", "max-backoff-millis", "max-concurrent", "price-prompt-per-mtok",
            "price-completion-per-mtok", "extra.<field>", "header.<name>");

    public OpenAiSettings {
        extraBody = Map.copyOf(extraBody);
        headers = Map.copyOf(headers);
    }

    /**
     * Reads a {@code policy:} section. The key itself never sits in a config file: {@code api-key-env}
     * names the environment variable holding it (default {@code OPENAI_API_KEY}).
     *
     * @param env how to read environment variables (System::getenv outside tests)
     * @throws IllegalArgumentException with one sentence naming the bad key
     */
    public static OpenAiSettings fromSettings(Map<String, String> s, Function<String, String> env) {
        String base = s.get("base-url");
        if (base == null || base.isBlank()) {
            throw new IllegalArgumentException("The openai policy needs 'base-url' (e.g. http://localhost:8000/v1).");
        }
        String model = s.get("model");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("The openai policy needs 'model' (the name the server serves).");
        }
        URI uri;
        try {
            uri = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The openai policy's base-url '" + base + "' is not a URL.");
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("The openai policy's base-url must start with http:// or https://.");
        }
        String keyEnv = s.getOrDefault("api-key-env", "OPENAI_API_KEY");
        Map<String, String> extra = prefixed(s, "extra.");
        Map<String, String> headers = prefixed(s, "header.");
        return new OpenAiSettings(uri, model, env.apply(keyEnv),
                Duration.ofMillis((long) (number(s, "timeout-seconds", 300) * 1000)),
                (int) number(s, "max-retries", 4),
                Duration.ofMillis((long) number(s, "backoff-millis", 1000)),
                Duration.ofMillis((long) number(s, "max-backoff-millis", 60_000)),
                (int) number(s, "max-concurrent", 16),
                number(s, "price-prompt-per-mtok", 0), number(s, "price-completion-per-mtok", 0), extra, headers);
    }

    /** The settings whose key starts with {@code prefix}, under the rest of the key. */
    private static Map<String, String> prefixed(Map<String, String> s, String prefix) {
        Map<String, String> found = new java.util.TreeMap<>();
        s.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                found.put(k.substring(prefix.length()), v);
            }
        });
        return found;
    }

    private static double number(Map<String, String> s, String key, double fallback) {
        String v = s.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (d < 0) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The openai policy's '" + key + "' must be a non-negative number, not '"
                    + v + "'.");
        }
    }

    /** What a completion of this size costs under the configured prices. */
    public double cost(long promptTokens, long completionTokens) {
        return (promptTokens * pricePerMPrompt + completionTokens * pricePerMCompletion) / 1_000_000.0;
    }
}
