package io.sandmle.reports.analysis;

import io.sandmle.api.Medal;
import java.util.function.Predicate;

/** The binary outcomes MLE-bench reports as percentages. */
public enum Outcome {
    ANY_MEDAL("Any medal", r -> r.medal().any()),
    GOLD("Gold", r -> r.medal() == Medal.GOLD),
    SILVER("Silver", r -> r.medal() == Medal.SILVER),
    BRONZE("Bronze", r -> r.medal() == Medal.BRONZE),
    ABOVE_MEDIAN("Above median", Run::aboveMedian),
    VALID("Valid submission", Run::valid);

    private final String label;
    private final Predicate<Run> test;

    Outcome(String label, Predicate<Run> test) {
        this.label = label;
        this.test = test;
    }

    public String label() {
        return label;
    }

    /** Whether the run achieved this outcome; a missing run (null) never does. */
    public boolean of(Run run) {
        return run != null && test.test(run);
    }
}
