package io.sandmle.reports;

import io.sandmle.reports.testdata.SyntheticRuns;
import java.nio.file.Path;

/** Writes a sample report to the folder given (manual look; not a test). */
public final class SmokeRun {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        var input = new SyntheticRuns(4, 30, 5).withCurves().suites(2).input(7, SyntheticRuns.systemName(0));
        System.out.println(new StandardReportWriter().write(input, Path.of(args[0])).size() + " files in "
                + (System.nanoTime() - t0) / 1e6 + " ms");
    }
}
