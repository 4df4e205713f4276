package io.sandmle.api;

import java.io.PrintStream;
import java.nio.file.Path;

/** What the runner hands a {@link Benchmark}. */
public interface BenchContext {

    /** The size to measure at. */
    BenchSize size();

    /**
     * A new, empty folder for this run's files (inputs, run folders, reports). The runner removes it afterwards
     * unless the user asked to keep it for a look ({@code sandmle bench --keep}).
     */
    Path scratch();

    /** Where the benchmark prints its detail while it runs. */
    PrintStream out();
}
