package io.sandmle.runner.rollout;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Grade;
import io.sandmle.support.ControlCharacters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The closing table of a run: per system (policy × scaffold), the share of episodes with a valid
 * submission, above the median, and with any medal, as MLE-bench reports them.
 */
public final class RunSummary {

    /** One system's rates over its episodes. */
    public record Row(String system, int episodes, double validRate, double aboveMedianRate, double medalRate,
                      double meanTurns) {
    }

    private RunSummary() {
    }

    public static List<Row> of(List<EpisodeRecord> records) {
        Map<String, List<EpisodeRecord>> bySystem = new TreeMap<>();
        records.forEach(r -> bySystem.computeIfAbsent(r.system(), k -> new ArrayList<>()).add(r));
        List<Row> rows = new ArrayList<>();
        bySystem.forEach((system, rs) -> {
            int n = rs.size();
            rows.add(new Row(system, n,
                    share(rs, Grade::valid), share(rs, Grade::aboveMedian), share(rs, g -> g.medal().any()),
                    rs.stream().mapToInt(EpisodeRecord::turns).average().orElse(0)));
        });
        return rows;
    }

    private static double share(List<EpisodeRecord> rs, Predicate<Grade> test) {
        return rs.isEmpty() ? 0 : (double) rs.stream().filter(r -> r.grade() != null && test.test(r.grade())).count()
                / rs.size();
    }

    /** The table as text, one row per system. */
    public static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder(String.format("%-40s %8s %7s %13s %7s %6s%n", "system", "episodes",
                "valid", "above-median", "medal", "turns"));
        for (Row r : rows) {
            b.append(String.format("%-40s %8d %6.1f%% %12.1f%% %6.1f%% %6.1f%n", ControlCharacters.escape(r.system()), r.episodes(),
                    100 * r.validRate(), 100 * r.aboveMedianRate(), 100 * r.medalRate(), r.meanTurns()));
        }
        return b.toString();
    }
}
