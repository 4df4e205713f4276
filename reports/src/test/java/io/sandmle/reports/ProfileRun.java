package io.sandmle.reports;

import io.sandmle.reports.analysis.Dataset;
import io.sandmle.reports.html.HtmlRenderer;
import io.sandmle.reports.pdf.PdfRenderer;
import io.sandmle.reports.sections.*;
import io.sandmle.reports.testdata.SyntheticRuns;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

public final class ProfileRun {
    static long cpu() { return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime(); }
    public static void main(String[] args) throws Exception {
        int sys = Integer.parseInt(args[0]), tasks = Integer.parseInt(args[1]), seeds = Integer.parseInt(args[2]);
        var input = new SyntheticRuns(sys, tasks, seeds).withCurves().input(7, SyntheticRuns.systemName(0));
        for (int rep = 0; rep < 2; rep++) {
            long c0 = cpu(), t0 = System.nanoTime();
            var ctx = new ReportContext(input, Dataset.of(input.episodes(), input.baseline()), Settings.defaults(1));
            System.out.printf("dataset cpu %.0f ms wall %.0f%n", (cpu() - c0) / 1e6, (System.nanoTime() - t0) / 1e6);
            for (SectionBuilder b : List.of(new SetupSection(), new HeadlineSection(), new AggregatesSection(), new PairwiseSection(), new ReliabilitySection(), new RankingSection(), new HumanRankSection(), new PerTaskSection(), new CategorySection(), new PowerSection(), new CurvesSection(), new ReproducibilitySection())) {
                c0 = cpu(); t0 = System.nanoTime();
                b.build(ctx);
                System.out.printf("%s cpu %.0f ms wall %.0f%n", b.getClass().getSimpleName(), (cpu() - c0) / 1e6, (System.nanoTime() - t0) / 1e6);
            }
            var doc = ReportBuilder.build(input, Settings.defaults(1));
            c0 = cpu(); t0 = System.nanoTime();
            HtmlRenderer.render(doc);
            System.out.printf("html cpu %.0f ms wall %.0f%n", (cpu() - c0) / 1e6, (System.nanoTime() - t0) / 1e6);
            c0 = cpu(); t0 = System.nanoTime();
            PdfRenderer.render(doc, Path.of("/tmp/prof.pdf"));
            System.out.printf("pdf cpu %.0f ms wall %.0f%n", (cpu() - c0) / 1e6, (System.nanoTime() - t0) / 1e6);
        }
    }
}
