// Paired t-test on the dense reward stored in two eval run folders (pairs: task, seed). Run with
// java -cp "harness-runner/target/harness-runner-0.1.0-SNAPSHOT.jar:harness-runner/target/lib/*" examples/analysis/PairedReward.java <run-a> <run-b>
import io.sandmle.runner.store.RunStore;
import io.sandmle.api.EpisodeRecord;
import java.nio.file.Path;
import java.util.*;
import org.apache.commons.math3.stat.inference.TTest;
public class PairedReward {
    public static void main(String[] a) throws Exception {
        Map<String, Double> x = load(a[0]), y = load(a[1]);
        List<String> keys = new ArrayList<>(x.keySet()); keys.retainAll(y.keySet());
        double[] xs = keys.stream().mapToDouble(x::get).toArray(), ys = keys.stream().mapToDouble(y::get).toArray();
        System.out.printf("pairs %d mean reward %.3f vs %.3f diff %+.3f paired t p = %.3g%n", keys.size(),
            Arrays.stream(xs).average().orElse(0), Arrays.stream(ys).average().orElse(0),
            Arrays.stream(ys).average().orElse(0) - Arrays.stream(xs).average().orElse(0), new TTest().pairedTTest(xs, ys));
    }
    static Map<String, Double> load(String dir) {
        Map<String, Double> m = new HashMap<>();
        try (RunStore s = RunStore.open(Path.of(dir))) {
            for (EpisodeRecord r : s.episodes()) m.put(r.taskId() + "/" + r.seed(), r.reward());
        }
        return m;
    }
}
