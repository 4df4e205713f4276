package io.sandmle.trainers.policy;

import io.sandmle.api.LanguageModel;
import io.sandmle.api.PolicyProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code embedded}: the offline trainable policy, configured by {@link EmbeddedSettings}: {@code checkpoint} (a
 * folder written by a trainer; absent means untrained), {@code seed} (sampling seed when a request carries none),
 * {@code hidden} (hidden units of an untrained network, default 32).
 */
public final class EmbeddedPolicyProvider implements PolicyProvider {

    @Override
    public LanguageModel create(Map<String, String> settings) {
        EmbeddedSettings s = EmbeddedSettings.from(settings);
        if (s.checkpoint() == null) {
            return new EmbeddedPolicy(PolicyNetwork.create(FeatureEncoder.SIZE, s.hidden(), s.seed()), s.seed(), "embedded");
        }
        try {
            PolicyCheckpoint.Loaded loaded = PolicyCheckpoint.load(s.checkpoint());
            return new EmbeddedPolicy(loaded.network(), s.seed(), "embedded@" + s.checkpoint().getFileName());
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e);
        }
    }
}
