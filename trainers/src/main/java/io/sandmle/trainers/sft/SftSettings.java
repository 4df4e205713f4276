package io.sandmle.trainers.sft;

import io.sandmle.support.SettingKeys;
import io.sandmle.trainers.Settings;
import io.sandmle.trainers.grpo.GrpoSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code sft} trainer's settings. Its rollouts follow GRPO's schedule (steps, tasks per step, group size, seed),
 * so it gathers what a GRPO run with the same settings would; its optimiser keys carry an {@code sft-} prefix
 * because its full-batch fit wants other values than GRPO's clipped steps.
 *
 * @param rollouts     the rollout schedule (and the fresh network's {@code hidden} units and {@code traps}), read as
 *                     GRPO reads it
 * @param epochs       the most full-batch Adam steps over the cloned turns ({@code sft-epochs}, default 2000); all of
 *                     them when there is no validation split
 * @param learningRate Adam learning rate ({@code sft-learning-rate}, default 0.01)
 * @param keepValid    keep every valid trajectory ({@code keep: valid}) rather than only medals ({@code keep: medal})
 * @param source       whose trajectories are cloned ({@code source}): the starting policy's own rollouts ({@code own},
 *                     default) or an offline expert's recipe search with the same sandbox budget ({@code expert},
 *                     {@link ExpertSearch})
 * @param validation   the share of the kept trajectories' tasks held out to stop on ({@code sft-validation}, in
 *                     [0, 1), default 0.2; 0 trains on all for {@code sft-epochs})
 * @param patience     epochs without a validation improvement before the fit stops ({@code sft-patience}, default 20)
 */
public record SftSettings(GrpoSettings rollouts, int epochs, double learningRate, boolean keepValid, Source source,
                          double validation, int patience) {

    /** Whose trajectories SFT clones. */
    public enum Source { OWN, EXPERT }

    /** The keys the {@code sft} trainer reads ({@code init-checkpoint} through the starting policy). */
    public static final List<String> KEYS = keys();

    /** @throws IllegalArgumentException with one sentence for a key it does not read (naming the nearest) or a bad value */
    public static SftSettings from(Map<String, String> s) {
        SettingKeys.requireKnown(s, KEYS, "the sft trainer");
        String keep = s.getOrDefault("keep", "medal");
        if (!keep.equals("medal") && !keep.equals("valid")) {
            throw new IllegalArgumentException("trainer setting 'keep' must be medal or valid, not '" + keep + "'");
        }
        String source = s.getOrDefault("source", "own");
        if (!source.equals("own") && !source.equals("expert")) {
            throw new IllegalArgumentException("trainer setting 'source' must be own or expert, not '" + source + "'");
        }
        double validation = Settings.number(s, "trainer", "sft-validation", 0.2);
        if (validation < 0 || validation >= 1) {
            throw new IllegalArgumentException("trainer setting 'sft-validation' must be at least 0 and below 1 (the "
                    + "share of tasks held out), not " + s.get("sft-validation"));
        }
        return new SftSettings(GrpoSettings.read(s), wholeNumber(s, "sft-epochs", 2000),
                Settings.number(s, "trainer", "sft-learning-rate", 0.01), keep.equals("valid"),
                Source.valueOf(source.toUpperCase(Locale.ROOT)), validation, wholeNumber(s, "sft-patience", 20));
    }

    private static int wholeNumber(Map<String, String> s, String key, int fallback) {
        double value = Settings.number(s, "trainer", key, fallback);
        if (value < 1 || value != Math.rint(value)) {
            throw new IllegalArgumentException("trainer setting '" + key + "' must be a positive whole number, not "
                    + s.get(key));
        }
        return (int) value;
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(GrpoSettings.SCHEDULE_KEYS);
        keys.addAll(List.of("hidden", "traps", "init-checkpoint", "sft-epochs", "sft-learning-rate", "keep",
                "source", "sft-validation", "sft-patience"));
        return List.copyOf(keys);
    }
}
