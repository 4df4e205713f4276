package io.sandmle.support.doubles;

import io.sandmle.api.LanguageModel;
import io.sandmle.api.PolicyProvider;
import java.util.Map;

/**
 * PolicyProvider {@code fixed-script}: the benchmark's stand-in policy ({@link FixedScriptPolicy}), usable
 * from configs to check a setup end to end without a model. It takes no settings.
 */
public final class FixedScriptPolicyProvider implements PolicyProvider {

    @Override
    public LanguageModel create(Map<String, String> settings) {
        if (!settings.isEmpty()) {
            throw new IllegalArgumentException("The fixed-script policy takes no settings; remove "
                    + settings.keySet() + ".");
        }
        return new FixedScriptPolicy();
    }
}
