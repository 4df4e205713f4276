package io.sandmle.api;

import java.util.Map;

/**
 * Creates {@link LanguageModel}s of one kind ({@code openai}, {@code embedded}) from the
 * {@code policy:} section of an experiment config.
 */
public interface PolicyProvider {

    /**
     * @param settings the policy's config keys (base URL, model, api-key env var, checkpoint …)
     * @throws IllegalArgumentException with one sentence when a setting is wrong
     */
    LanguageModel create(Map<String, String> settings);
}
