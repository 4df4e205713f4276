package io.sandmle.runner.config;

import java.util.Map;

/**
 * A policy under test.
 *
 * @param name     how reports call it (default: the provider's name)
 * @param provider the PolicyProvider registry name ({@code embedded}, {@code openai})
 * @param settings the provider's own keys (base-url, model, api-key-env, checkpoint …)
 */
public record PolicyConfig(String name, String provider, Map<String, String> settings) {

    public PolicyConfig {
        Checks.require(provider != null && !provider.isBlank(), "provider", "every policy needs a provider (embedded or openai)");
        name = name == null ? provider : name;
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    static PolicyConfig embedded() {
        return new PolicyConfig("embedded", "embedded", Map.of());
    }
}
