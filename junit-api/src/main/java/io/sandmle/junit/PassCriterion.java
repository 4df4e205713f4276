package io.sandmle.junit;

import io.sandmle.api.Grade;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;

/** What one episode must reach to pass: a valid submission, a score above the median, or any medal. */
public enum PassCriterion {
    VALID("valid", "a valid submission", Grade::valid),
    ABOVE_MEDIAN("above-median", "a score above the median", g -> g.valid() && g.aboveMedian()),
    MEDAL("medal", "a medal", g -> g.valid() && g.medal().any());

    private final String key;
    private final String requirement;
    private final Predicate<Grade> test;

    PassCriterion(String key, String requirement, Predicate<Grade> test) {
        this.key = key;
        this.requirement = requirement;
        this.test = test;
    }

    /** The name configs use ({@code valid}, {@code above-median}, {@code medal}). */
    public String key() {
        return key;
    }

    /** What the criterion asks for, in words ("a medal"). */
    public String requirement() {
        return requirement;
    }

    /** Whether the grade meets the criterion; no grade never does. */
    public boolean isMetBy(Grade grade) {
        return grade != null && test.test(grade);
    }

    /** The criterion named {@code key}. */
    public static PassCriterion byKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("pass-when must be valid, above-median or medal, not '"
                        + key + "'."));
    }
}
