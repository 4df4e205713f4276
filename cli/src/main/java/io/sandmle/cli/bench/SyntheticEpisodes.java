package io.sandmle.cli.bench;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Grade;
import io.sandmle.api.Medal;
import io.sandmle.api.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Benchmark input: systems × tasks × seeds episodes with HumanRank scores from a skill–difficulty model. */
public final class SyntheticEpisodes {

    private SyntheticEpisodes() {
    }

    public static List<EpisodeRecord> generate(int systems, int tasks, int seeds, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] difficulty = rng.doubles(tasks).map(u -> 3 * u - 1.5).toArray();
        Thresholds cut = new Thresholds(0.9, 0.8, 0.65, 0.5);
        List<EpisodeRecord> out = new ArrayList<>(systems * tasks * seeds);
        for (int s = 0; s < systems; s++) {
            for (int t = 0; t < tasks; t++) {
                String task = "task-" + t;
                for (int r = 0; r < seeds; r++) {
                    double logit = 0.3 * s - difficulty[t] + 2 * (rng.nextDouble() - 0.5);
                    double hr = Math.round(1000 / (1 + Math.exp(-logit))) / 1000.0;
                    Medal medal = hr >= cut.gold() ? Medal.GOLD : hr >= cut.silver() ? Medal.SILVER
                            : hr >= cut.bronze() ? Medal.BRONZE : Medal.NONE;
                    Grade g = new Grade(Grade.SCHEMA_VERSION, task, true, true, hr, null, medal, hr > cut.median(), hr,
                            cut, false);
                    out.add(new EpisodeRecord(EpisodeRecord.SCHEMA_VERSION, "bench", s + "-" + t + "-" + r, "system-" + s,
                            "bench", task, "category-" + (t % 5), r, g, hr, "answer", 1000, 5));
                }
            }
        }
        return out;
    }
}
