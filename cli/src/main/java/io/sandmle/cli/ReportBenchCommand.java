package io.sandmle.cli;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ReportInput;
import io.sandmle.api.ReportWriter;
import io.sandmle.cli.bench.BenchTable;
import io.sandmle.support.Quantiles;
import io.sandmle.cli.bench.NaiveBootstrap;
import io.sandmle.cli.bench.SyntheticEpisodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sandmle bench report}: time from episodes to a full report (statistics, HTML, PDF, SVG)
 * on synthetic data, median of several repeats, against a naive stratified IQM bootstrap measured
 * in the same run and extrapolated to the same number of systems and replicates.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Benchmark the report: systems × tasks × seeds episodes to HTML + PDF with N bootstrap replicates.")
public final class ReportBenchCommand implements Callable<Integer> {

    @Option(names = "--systems", defaultValue = "5")
    int systems;

    @Option(names = "--tasks", defaultValue = "200")
    int tasks;

    @Option(names = "--seeds", defaultValue = "100")
    int seeds;

    @Option(names = "--reps", defaultValue = "10000", description = "Bootstrap replicates (default ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--repeat", defaultValue = "3", description = "Timed repeats after one warm-up (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--baseline-reps", defaultValue = "100",
            description = "Naive-baseline replicates actually run, then scaled (default ${DEFAULT-VALUE}).")
    int baselineReps;

    @Mixin
    PluginPathOption pluginPath;

    @Override
    public Integer call() throws Exception {
        System.setProperty("sandmle.report.reps", String.valueOf(reps));
        List<EpisodeRecord> episodes = SyntheticEpisodes.generate(systems, tasks, seeds, 1);
        ReportInput input = new ReportInput(episodes, List.of(), "system-0", 1, Map.of("bench", "report"));
        ReportWriter writer = pluginPath.load().create(ExtensionKind.REPORT_WRITER, "standard");
        Path out = Files.createTempDirectory("sandmle-bench-report");
        System.out.printf("report: %,d episodes (%d systems × %d tasks × %d seeds), %,d bootstrap replicates, %d cores%n",
                episodes.size(), systems, tasks, seeds, reps, Runtime.getRuntime().availableProcessors());
        List<Double> seconds = new ArrayList<>();
        List<Double> cpuSeconds = new ArrayList<>();
        for (int i = 0; i <= repeat; i++) {
            long t0 = System.nanoTime();
            long c0 = processCpuNanos();
            writer.write(input, out);
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpuNanos() - c0) / 1e9;
            System.out.printf("  %s %.2f s wall, %.2f s CPU%n", i == 0 ? "warm-up" : "run " + i, s, cpu);
            if (i > 0) {
                seconds.add(s);
                cpuSeconds.add(cpu);
            }
        }
        double median = Quantiles.median(seconds);
        double medianCpu = Quantiles.median(cpuSeconds);
        double naive = naiveSecondsPerSystemRep(episodes) * systems * reps;
        System.out.printf("median full report: %.2f s wall (target ≤ 10 s), %.2f s CPU over all threads "
                + "(wall on an idle machine ≈ CPU / cores used); load average now %.1f%n", median, medianCpu,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("baseline, naive sort-per-replicate IQM bootstrap alone, %d systems × %,d reps "
                + "(single thread, CPU time of %d reps, scaled): %.1f s CPU → the full report takes %.1f× less CPU "
                + "than this one statistic done naively%n", systems, reps, baselineReps, naive, naive / medianCpu);
        System.out.println("report files: " + out);
        BenchTable.record(new BenchTable.Row(String.format("report: %,d episodes, %,d reps (CPU s; naive IQM bootstrap baseline)",
                episodes.size(), reps), medianCpu, naive, "s", "<= 10 s", medianCpu <= 10));
        return SandmleCommand.OK;
    }

    /** CPU time of this JVM over all threads: unlike wall time, not inflated by other processes' load. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private double naiveSecondsPerSystemRep(List<EpisodeRecord> episodes) {
        double[][] runs = new double[tasks][seeds];
        for (EpisodeRecord e : episodes) {
            if (e.system().equals("system-0")) {
                runs[Integer.parseInt(e.taskId().substring(5))][(int) e.seed()] = e.grade().humanRank();
            }
        }
        NaiveBootstrap.iqm(runs, Math.max(1, baselineReps / 10), 2); // warm-up
        long t0 = processCpuNanos();
        NaiveBootstrap.iqm(runs, baselineReps, 3);
        return (processCpuNanos() - t0) / 1e9 / baselineReps;
    }
}
