package io.sandmle.trainers.policy;

import io.sandmle.support.SettingKeys;
import io.sandmle.trainers.Settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code embedded} policy's settings.
 *
 * @param checkpoint a folder written by a trainer, or {@code null} for an untrained network
 * @param seed       sampling seed when a request carries none (default 0)
 * @param hidden     hidden units of an untrained network (default 32)
 * @param traps      offer the recipe library's deliberate traps too ({@link ActionSpace#WITH_TRAPS}), for a robustness
 *                   experiment; default false
 * @param recipe     the recipe to play on every episode instead of sampling ({@code recipe}, written as the policy's
 *                   recipe comment and {@code sandmle diversity} prints the best fixed one: {@code model=forest
 *                   capacity=mid}, other heads at their default), or {@code null} to sample
 */
public record EmbeddedSettings(Path checkpoint, long seed, int hidden, boolean traps, Recipe recipe) {

    /** The keys the {@code embedded} policy reads. */
    public static final List<String> KEYS = List.of("checkpoint", "seed", "hidden", "traps", "recipe");

    /** @throws IllegalArgumentException with one sentence for a key it does not read (naming the nearest) or a bad value */
    public static EmbeddedSettings from(Map<String, String> s) {
        SettingKeys.requireKnown(s, KEYS, "the embedded policy");
        String checkpoint = s.get("checkpoint");
        boolean traps = Settings.flag(s, "policy", "traps");
        String recipe = s.get("recipe");
        return new EmbeddedSettings(checkpoint == null || checkpoint.isBlank() ? null : Path.of(checkpoint),
                (long) Settings.number(s, "policy", "seed", 0), (int) Settings.number(s, "policy", "hidden", 32),
                traps, recipe == null || recipe.isBlank() ? null
                        : Recipe.parse(recipe, ActionSpace.of(traps), "policy setting 'recipe'"));
    }

    /** The action space these settings ask for. */
    public ActionSpace space() {
        return ActionSpace.of(traps);
    }
}
