package io.sandmle.openai;

import io.sandmle.support.SettingKeys;
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
 * @param maxTokensField     the request field carrying the completion limit: {@code max_tokens} (most servers) or
 *                           {@code max_completion_tokens} (OpenAI's reasoning models refuse the former)
 */
public record OpenAiSettings(URI baseUrl, String model, String apiKey, Duration requestTimeout, int maxRetries,
                             Duration backoff, Duration maxBackoff, int maxConcurrent, double pricePerMPrompt,
                             double pricePerMCompletion, Map<String, String> extraBody, Map<String, String> headers,
                             String maxTokensField) {

    /** The request field most OpenAI-compatible servers read the completion limit from. */
    public static final String MAX_TOKENS = "max_tokens";
    /** The field OpenAI's reasoning models want instead. */
    public static final String MAX_COMPLETION_TOKENS = "max_completion_tokens";

    /** The config keys {@link #fromSettings} understands. */
    public static final List<String> KEYS = List.of("base-url", "model", "api-key-env", "timeout-seconds",
            "max-retries", "backoff-millis", "max-backoff-millis", "max-concurrent", "price-prompt-per-mtok",
            "price-completion-per-mtok", "max-tokens-field", "extra.<field>", "header.<name>");

    public OpenAiSettings {
        extraBody = Map.copyOf(extraBody);
        headers = Map.copyOf(headers);
        if (!maxTokensField.equals(MAX_TOKENS) && !maxTokensField.equals(MAX_COMPLETION_TOKENS)) {
            throw new IllegalArgumentException("The openai policy's 'max-tokens-field' must be " + MAX_TOKENS + " or "
                    + MAX_COMPLETION_TOKENS + ", not '" + maxTokensField + "'.");
        }
    }

    /** The other name of the completion-limit field. */
    public String otherMaxTokensField() {
        return maxTokensField.equals(MAX_TOKENS) ? MAX_COMPLETION_TOKENS : MAX_TOKENS;
    }

    /** These settings sending the completion limit under {@code field}. */
    public OpenAiSettings withMaxTokensField(String field) {
        return new OpenAiSettings(baseUrl, model, apiKey, requestTimeout, maxRetries, backoff, maxBackoff, maxConcurrent,
                pricePerMPrompt, pricePerMCompletion, extraBody, headers, field);
    }

    /**
     * Reads a {@code policy:} section. The key itself never sits in a config file: {@code api-key-env}
     * names the environment variable holding it (default {@code OPENAI_API_KEY}).
     *
     * @param env how to read environment variables (System::getenv outside tests)
     * @throws IllegalArgumentException with one sentence naming the bad key
     */
    public static OpenAiSettings fromSettings(Map<String, String> s, Function<String, String> env) {
        SettingKeys.requireKnown(s, KEYS, "the openai policy");
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
                number(s, "price-prompt-per-mtok", 0), number(s, "price-completion-per-mtok", 0), extra, headers,
                s.getOrDefault("max-tokens-field", MAX_TOKENS));
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
