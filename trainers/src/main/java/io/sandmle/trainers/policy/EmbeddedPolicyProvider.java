package io.sandmle.trainers.policy;

import io.sandmle.api.LanguageModel;
import io.sandmle.api.PolicyProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code embedded}: the offline trainable policy, configured by {@link EmbeddedSettings}: {@code checkpoint} (a
 * folder written by a trainer; absent means untrained), {@code seed} (sampling seed when a request carries none),
 * {@code hidden} (hidden units of an untrained network, default 32), {@code traps} (offer the recipe library's
 * deliberate traps, for a robustness experiment; default false), {@code recipe} (play this recipe on every episode:
 * the best-fixed-recipe baseline).
 */
public final class EmbeddedPolicyProvider implements PolicyProvider {

    @Override
    public LanguageModel create(Map<String, String> settings) {
        EmbeddedSettings s = EmbeddedSettings.from(settings);
        if (s.checkpoint() == null) {
            return new EmbeddedPolicy(PolicyNetwork.create(s.space(), FeatureEncoder.SIZE, s.hidden(), s.seed()),
                    s.seed(), "embedded", s.recipe());
        }
        PolicyCheckpoint.Loaded loaded = load(s);
        if (loaded.network().space() != s.space()) {
            loaded.network().close();
            // A checkpoint's output layer is its action space: evaluating it over another one would misread it.
            throw new IllegalArgumentException("the checkpoint in " + s.checkpoint() + " was trained "
                    + (s.traps() ? "without" : "with") + " traps; set the policy setting traps: " + !s.traps()
                    + " to use it");
        }
        return new EmbeddedPolicy(loaded.network(), s.seed(), "embedded@" + s.checkpoint().getFileName(), s.recipe());
    }

    private static PolicyCheckpoint.Loaded load(EmbeddedSettings s) {
        try {
            return PolicyCheckpoint.load(s.checkpoint());
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e);
        }
    }
}
