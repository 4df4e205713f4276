package io.sandmle.trainers.policy;

import io.sandmle.api.LanguageModel;
import io.sandmle.api.PolicyProvider;
import io.sandmle.trainers.Settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code embedded}: the offline trainable policy. Settings: {@code checkpoint} (a folder written
 * by a trainer; absent means untrained), {@code seed} (sampling seed when a request carries none),
 * {@code hidden} (hidden units of an untrained network, default 32).
 */
public final class EmbeddedPolicyProvider implements PolicyProvider {

    @Override
    public LanguageModel create(Map<String, String> settings) {
        long seed = parse(settings, "seed", 0);
        String checkpoint = settings.get("checkpoint");
        if (checkpoint == null || checkpoint.isBlank()) {
            int hidden = (int) parse(settings, "hidden", 32);
            return new EmbeddedPolicy(PolicyNetwork.create(FeatureEncoder.SIZE, hidden, seed), seed, "embedded");
        }
        try {
            Path dir = Path.of(checkpoint);
            PolicyCheckpoint.Loaded loaded = PolicyCheckpoint.load(dir);
            return new EmbeddedPolicy(loaded.network(), seed, "embedded@" + dir.getFileName());
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e);
        }
    }

    private static long parse(Map<String, String> settings, String key, long fallback) {
        return (long) Settings.number(settings, "policy", key, fallback);
    }
}
