package io.sandmle.reports;

import io.sandmle.reports.analysis.Dataset;
import io.sandmle.reports.sections.*;
import io.sandmle.reports.testdata.SyntheticRuns;
import java.util.List;

public final class ProfileRun {
    public static void main(String[] args) throws Exception {
        int sys = Integer.parseInt(args[0]), tasks = Integer.parseInt(args[1]), seeds = Integer.parseInt(args[2]);
        long t0 = System.nanoTime();
        var input = new SyntheticRuns(sys, tasks, seeds).withCurves().input(7, SyntheticRuns.systemName(0));
        System.out.printf("generate %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        for (int rep = 0; rep < 2; rep++) {
        t0 = System.nanoTime();
        var ctx = new ReportContext(input, Dataset.of(input.episodes(), input.baseline()), Settings.defaults(1));
        System.out.printf("dataset %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        for (SectionBuilder b : List.of(new SetupSection(), new HeadlineSection(), new AggregatesSection(), new PairwiseSection(), new ReliabilitySection(), new RankingSection(), new HumanRankSection(), new PerTaskSection(), new CategorySection(), new PowerSection(), new CurvesSection(), new ReproducibilitySection())) {
            t0 = System.nanoTime();
            b.build(ctx);
            System.out.printf("%s %.0f ms%n", b.getClass().getSimpleName(), (System.nanoTime() - t0) / 1e6);
        }
        }
    }
}
