package io.sandmle.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a benchmark suite run by the {@code sandmle} JUnit Platform engine: the experiment
 * config's suites × tasks × seeds × systems become one test each, passing by {@link #passWhen()}, plus
 * one test per minimum rate set here (decided on a confidence interval by junit-engine's
 * {@code io.sandmle.junit.engine.RateAssertion}).
 *
 * <pre>{@code
 * @BenchmarkSuite(config = "suites/lite.yaml", passWhen = PassCriterion.VALID, minMedalRate = 0.2)
 * class LiteBenchmarkTest {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface BenchmarkSuite {

    /** The experiment config: a class-path resource (e.g. {@code suites/lite.yaml}) or a file path. */
    String config();

    /** What one task × seed × system must reach to pass. */
    PassCriterion passWhen() default PassCriterion.VALID;

    /** Minimum share of episodes with a valid submission; negative for no assertion. */
    double minValidRate() default -1;

    /** Minimum share of episodes above the median; negative for no assertion. */
    double minAboveMedianRate() default -1;

    /** Minimum share of episodes with any medal; negative for no assertion. */
    double minMedalRate() default -1;

    /** Two-sided confidence level of the rate assertions' intervals. */
    double confidence() default 0.95;
}
