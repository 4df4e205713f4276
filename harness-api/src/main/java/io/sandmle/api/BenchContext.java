package io.sandmle.api;

import java.io.PrintStream;
import java.nio.file.Path;

/** What the runner hands a {@link Benchmark}. */
public interface BenchContext {

    /** The size to measure at. */
    BenchSize size();

    /**
     * An empty folder for the benchmark's files (inputs, run folders, reports). The runner removes it afterwards
     * unless the user asked to keep it ({@code --keep}); then it is the same folder on every run, so a benchmark
     * may reuse what an earlier run left there.
     */
    Path scratch();

    /** Where the benchmark prints its detail while it runs. */
    PrintStream out();
}
