// Paired tests of two systems of one evaluation run (pairs = same task, same seed): mean dense reward
// (paired t-test, Wilcoxon signed-rank) and medal rate (paired t-test on the 0/1 medal, exact McNemar).
// A system is the policy name in the episode ids (synthetic.<task>.<scaffold>.<policy>.s<seed>). Run from
// the repository root after any ./sandmle command has built the harness:
//   java -cp "cli/target/classes:cli/target/lib/*" examples/analysis/PairedTests.java <run-dir> <a> <b>
import io.sandmle.api.EpisodeRecord;
import io.sandmle.runner.store.RunStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

public class PairedTests {

    public static void main(String[] args) throws Exception {
        Map<String, EpisodeRecord> a = new HashMap<>();
        Map<String, EpisodeRecord> b = new HashMap<>();
        try (RunStore store = RunStore.open(Path.of(args[0]))) {
            for (EpisodeRecord r : store.episodes()) {
                String[] parts = r.episodeId().split("\\.");
                String policy = parts[parts.length - 2];
                if (policy.equals(args[1])) {
                    a.put(r.taskId() + "/" + r.seed(), r);
                } else if (policy.equals(args[2])) {
                    b.put(r.taskId() + "/" + r.seed(), r);
                }
            }
        }
        List<String> keys = new ArrayList<>(a.keySet());
        keys.retainAll(b.keySet());
        double[] ra = keys.stream().mapToDouble(k -> a.get(k).reward()).toArray();
        double[] rb = keys.stream().mapToDouble(k -> b.get(k).reward()).toArray();
        double[] ma = keys.stream().mapToDouble(k -> medal(a.get(k))).toArray();
        double[] mb = keys.stream().mapToDouble(k -> medal(b.get(k))).toArray();
        int bOnly = 0;
        int aOnly = 0;
        for (int i = 0; i < keys.size(); i++) {
            bOnly += mb[i] > ma[i] ? 1 : 0;
            aOnly += ma[i] > mb[i] ? 1 : 0;
        }
        System.out.printf("pairs %d (tasks x seeds)%n", keys.size());
        System.out.printf("reward: %s %.3f, %s %.3f, diff %+.3f; paired t p = %.3g; Wilcoxon p = %.3g%n", args[1],
                mean(ra), args[2], mean(rb), mean(rb) - mean(ra), new TTest().pairedTTest(ra, rb),
                new WilcoxonSignedRankTest().wilcoxonSignedRankTest(ra, rb, false));
        System.out.printf("medal rate: %s %.3f, %s %.3f, diff %+.3f; paired t p = %.3g; medal only with %s %d, "
                        + "only with %s %d, exact McNemar p = %.3g%n", args[1], mean(ma), args[2], mean(mb),
                mean(mb) - mean(ma), new TTest().pairedTTest(ma, mb), args[2], bOnly, args[1], aOnly,
                aOnly + bOnly == 0 ? 1.0 : new BinomialTest().binomialTest(aOnly + bOnly, bOnly, 0.5,
                        AlternativeHypothesis.TWO_SIDED));
        System.out.printf("valid rate: %s %.3f, %s %.3f%n", args[1], mean(valid(a, keys)), args[2],
                mean(valid(b, keys)));
    }

    private static double medal(EpisodeRecord r) {
        return r.grade() != null && r.grade().valid() && r.grade().medal().any() ? 1 : 0;
    }

    private static double[] valid(Map<String, EpisodeRecord> m, List<String> keys) {
        return keys.stream().mapToDouble(k -> m.get(k).grade() != null && m.get(k).grade().valid() ? 1 : 0).toArray();
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElse(Double.NaN);
    }
}
