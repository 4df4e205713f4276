package io.sandmle.api;

import java.util.List;
import java.util.Map;

/**
 * Everything a report is computed from.
 *
 * @param episodes   every episode of the runs compared
 * @param curves     learning-curve points of training runs
 * @param baseline   the system others are compared against, or {@code null} for the best
 * @param seed       RNG seed of bootstraps and permutations
 * @param provenance versions, run ids and config hashes for the reproducibility block
 */
public record ReportInput(List<EpisodeRecord> episodes, List<CurvePoint> curves, String baseline, long seed,
                          Map<String, String> provenance) {

    public ReportInput {
        episodes = List.copyOf(episodes);
        curves = List.copyOf(curves);
        provenance = Map.copyOf(provenance);
    }
}
