package io.sandmle.junit.engine;

import io.sandmle.junit.PassCriterion;
import io.sandmle.junit.BenchmarkSuite;

/**
 * A suite the engine tests launch by class: each episode must submit a valid file, and at least 30% of them
 * must (the fixed script fits the tabular fixture but not the multi-class probabilities spooky wants).
 */
@BenchmarkSuite(config = "suites/fixtures-fixed.yaml", passWhen = PassCriterion.VALID, minValidRate = 0.3)
class FixedScriptSuite {
}
