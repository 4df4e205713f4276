package io.sandmle.openai;

import io.sandmle.api.LanguageModel;
import io.sandmle.api.PolicyProvider;
import java.util.Map;

/**
 * PolicyProvider {@code openai}: a model behind any OpenAI-compatible endpoint. Settings are listed in
 * {@link OpenAiSettings#KEYS}; the API key is read from the environment variable named by {@code api-key-env}.
 */
public final class OpenAiPolicyProvider implements PolicyProvider {

    @Override
    public LanguageModel create(Map<String, String> settings) {
        return new OpenAiLanguageModel(OpenAiSettings.fromSettings(settings, System::getenv));
    }
}
