package io.sandmle.examples.suite;

import io.sandmle.junit.BenchmarkSuite;
import io.sandmle.junit.PassCriterion;

/**
 * The release gate: every fixture competition × seed must get a valid submission, at least 80% of
 * episodes must be valid and at least 20% must win a medal. The rates fail only when their whole 95%
 * Wilson interval is below the requirement, so one unlucky episode does not break the build.
 */
@BenchmarkSuite(config = "suites/lite.yaml", passWhen = PassCriterion.VALID, minValidRate = 0.8,
        minMedalRate = 0.2)
class MleBenchLiteBenchmarkTest {
}
