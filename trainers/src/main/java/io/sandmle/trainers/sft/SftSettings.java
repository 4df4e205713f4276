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
 * @param epochs       full-batch Adam steps over the kept trajectories ({@code sft-epochs}, default 100)
 * @param learningRate Adam learning rate ({@code sft-learning-rate}, default 0.01)
 * @param keepValid    keep every valid trajectory ({@code keep: valid}) rather than only medals ({@code keep: medal})
 * @param source       whose trajectories are cloned ({@code source}): the starting policy's own rollouts ({@code own},
 *                     default) or an offline expert's recipe search with the same sandbox budget ({@code expert},
 *                     {@link ExpertSearch})
 */
public record SftSettings(GrpoSettings rollouts, int epochs, double learningRate, boolean keepValid, Source source) {

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
        double epochs = Settings.number(s, "trainer", "sft-epochs", 100);
        if (epochs < 1 || epochs != Math.rint(epochs)) {
            throw new IllegalArgumentException("trainer setting 'sft-epochs' must be a positive whole number");
        }
        return new SftSettings(GrpoSettings.read(s), (int) epochs, Settings.number(s, "trainer", "sft-learning-rate", 0.01),
                keep.equals("valid"), Source.valueOf(source.toUpperCase(Locale.ROOT)));
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(GrpoSettings.SCHEDULE_KEYS);
        keys.addAll(List.of("hidden", "traps", "init-checkpoint", "sft-epochs", "sft-learning-rate", "keep",
                "source"));
        return List.copyOf(keys);
    }
}
