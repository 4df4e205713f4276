package io.sandmle.cli.bench;

import io.sandmle.api.BenchContext;
import io.sandmle.api.BenchResult;
import io.sandmle.api.BenchResult.Row;
import io.sandmle.api.BenchResult.Unit;
import io.sandmle.api.Benchmark;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ReportInput;
import io.sandmle.api.ReportWriter;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.support.Quantiles;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Time from episodes to a full report (statistics, HTML, PDF, SVG) with the {@code standard} report writer on
 * synthetic episodes, median of several repeats after one warm-up, against a naive stratified IQM bootstrap
 * ({@link NaiveBootstrap}) measured in the same run and scaled to the same systems and replicates.
 */
public final class ReportBenchmark implements Benchmark {

    /** The report writer reads its replicate count from this property. */
    private static final String REPS_PROPERTY = "sandmle.report.reps";
    private static final double TARGET_SECONDS = 10;
    /** Naive-baseline replicates actually run, then scaled: the naive bootstrap is too slow to run in full. */
    private static final int BASELINE_REPS = 100;

    /** Episodes and replicates at one size. */
    private record Shape(int systems, int tasks, int seeds, int reps, int repeats) {
    }

    private final Extensions extensions;

    @Inject
    public ReportBenchmark(Extensions extensions) {
        this.extensions = extensions;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String description() {
        return "Systems x tasks x seeds episodes to the full standard report (statistics, HTML, PDF, SVG), CPU time, "
                + "against a naive sort-per-replicate IQM bootstrap alone, scaled to the same replicates.";
    }

    @Override
    public BenchResult run(BenchContext context) throws Exception {
        Shape shape = context.size().pick(new Shape(3, 50, 20, 1_000, 1), new Shape(5, 200, 100, 10_000, 3));
        List<EpisodeRecord> episodes = SyntheticEpisodes.generate(shape.systems(), shape.tasks(), shape.seeds(), 1);
        ReportInput input = new ReportInput(episodes, List.of(), "system-0", 1, Map.of("bench", "report"));
        ReportWriter writer = extensions.create(ExtensionKind.REPORT_WRITER, "standard");
        Path out = context.scratch().resolve("report");
        context.out().printf(Locale.ROOT, "%,d episodes (%d systems x %d tasks x %d seeds), %,d bootstrap replicates%n",
                episodes.size(), shape.systems(), shape.tasks(), shape.seeds(), shape.reps());
        List<Double> seconds = new ArrayList<>();
        List<Double> cpuSeconds = new ArrayList<>();
        String previousReps = System.setProperty(REPS_PROPERTY, String.valueOf(shape.reps()));
        try {
            for (int i = 0; i <= shape.repeats(); i++) {
                long t0 = System.nanoTime();
                long c0 = processCpuNanos();
                writer.write(input, out);
                double s = (System.nanoTime() - t0) / 1e9;
                double cpu = (processCpuNanos() - c0) / 1e9;
                context.out().printf(Locale.ROOT, "  %s %.2f s wall, %.2f s CPU%n", i == 0 ? "warm-up" : "run " + i, s,
                        cpu);
                if (i > 0) {
                    seconds.add(s);
                    cpuSeconds.add(cpu);
                }
            }
        } finally {
            restore(previousReps);
        }
        double medianCpu = Quantiles.median(cpuSeconds);
        double naive = naiveSecondsPerSystemRep(episodes, shape) * shape.systems() * shape.reps();
        context.out().printf(Locale.ROOT, "baseline: the naive IQM bootstrap alone, single thread, CPU time of %d "
                + "replicates scaled to %d systems x %,d: %.1f s CPU%n", BASELINE_REPS, shape.systems(), shape.reps(),
                naive);
        String label = String.format(Locale.ROOT, "%,d episodes to a full report, %,d replicates", episodes.size(),
                shape.reps());
        return new BenchResult(List.of(
                Row.of(label + ", CPU over all threads", medianCpu, Unit.SECONDS).withBaseline(naive)
                        .withTarget("<= " + (int) TARGET_SECONDS + " s", medianCpu <= TARGET_SECONDS),
                // Wall time is what a user waits, but under load it measures the machine more than the report.
                Row.of(label + ", wall", Quantiles.median(seconds), Unit.SECONDS)));
    }

    private static void restore(String previousReps) {
        if (previousReps == null) {
            System.clearProperty(REPS_PROPERTY);
        } else {
            System.setProperty(REPS_PROPERTY, previousReps);
        }
    }

    /** CPU time of this JVM over all threads: unlike wall time, not inflated by other processes' load. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double naiveSecondsPerSystemRep(List<EpisodeRecord> episodes, Shape shape) {
        double[][] runs = new double[shape.tasks()][shape.seeds()];
        for (EpisodeRecord e : episodes) {
            if (e.system().equals("system-0")) {
                runs[Integer.parseInt(e.taskId().substring("task-".length()))][(int) e.seed()] = e.grade().humanRank();
            }
        }
        NaiveBootstrap.iqm(runs, BASELINE_REPS / 10, 2); // warm-up
        long t0 = processCpuNanos();
        NaiveBootstrap.iqm(runs, BASELINE_REPS, 3);
        return (processCpuNanos() - t0) / 1e9 / BASELINE_REPS;
    }
}
