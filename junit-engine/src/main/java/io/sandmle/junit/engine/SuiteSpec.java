package io.sandmle.junit.engine;

import io.sandmle.junit.PassCriterion;
import io.sandmle.junit.BenchmarkSuite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestSource;

/**
 * One benchmark suite as the engine found it, from a {@link BenchmarkSuite} class or a {@code *.suite.yaml}.
 *
 * @param name       the suite's display name (the class's simple name or the file's name)
 * @param config     the experiment config file
 * @param passWhen   what each task × seed × system test requires
 * @param assertions the suite-level minimum rates
 * @param source     where the suite was declared (for IDEs and reports)
 * @param problem    why the suite's declaration cannot be used (one sentence), or {@code null}
 */
public record SuiteSpec(String name, Path config, PassCriterion passWhen, List<RateAssertion> assertions,
                        TestSource source, RuntimeException problem) {

    public SuiteSpec {
        assertions = List.copyOf(assertions);
    }

    /** A suite whose declaration is wrong: it shows up, and fails with {@code problem} when run. */
    static SuiteSpec broken(String name, TestSource source, RuntimeException problem) {
        return new SuiteSpec(name, null, PassCriterion.VALID, List.of(), source, problem);
    }

    /** The assertions among the three optional minimum rates that are set (non-negative). */
    static List<RateAssertion> rates(double minValid, double minAboveMedian, double minMedal, double confidence) {
        List<RateAssertion> out = new ArrayList<>();
        if (minValid >= 0) {
            out.add(new RateAssertion(PassCriterion.VALID, minValid, confidence));
        }
        if (minAboveMedian >= 0) {
            out.add(new RateAssertion(PassCriterion.ABOVE_MEDIAN, minAboveMedian, confidence));
        }
        if (minMedal >= 0) {
            out.add(new RateAssertion(PassCriterion.MEDAL, minMedal, confidence));
        }
        return out;
    }
}
