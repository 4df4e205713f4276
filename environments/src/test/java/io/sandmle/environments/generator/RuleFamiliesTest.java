package io.sandmle.environments.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.GenerationOutcome;
import io.sandmle.api.GenerationRequest;
import io.sandmle.api.Scale;
import io.sandmle.api.TaskDna;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hidden rules come in families of different shapes (issue 14: tasks whose best recipe differs): each family has
 * its shape and the same signal spread, the planner draws every family, and the reference ladder ranks model
 * families differently on tasks of different families.
 */
class RuleFamiliesTest {

    private static final TaskDna TABULAR = TestTasks.seed("santander-customer-transaction-prediction");

    @TempDir
    Path tmp;

    @Test
    void thePlannerDrawsEveryFamilyWithTheSameSignalSpread() {
        Map<RuleFamily, HiddenRule> seen = rulesByFamily(TABULAR);
        assertEquals(EnumSet.allOf(RuleFamily.class), seen.keySet());
        for (HiddenRule rule : seen.values()) {
            double sd = DataStrategist.standardDeviation(signals(rule, 4_000, new SeededRandom(7)));
            assertEquals(HiddenRule.SIGNAL_SD, sd, 0.1 * HiddenRule.SIGNAL_SD, rule.family() + " spread");
        }
    }

    @Test
    void eachFamilyHasItsShape() {
        Map<RuleFamily, HiddenRule> rules = rulesByFamily(TABULAR);
        SeededRandom random = new SeededRandom(3);
        double[] z = gaussian(rules.get(RuleFamily.LINEAR).latentDims(), random);
        // Linear: moving one dimension by 1 changes f by the same amount wherever you start.
        HiddenRule linear = rules.get(RuleFamily.LINEAR);
        assertEquals(linear.signal(plus(z, 0, 1), 0) - linear.signal(z, 0),
                linear.signal(plus(plus(z, 0, 5), 1, -2), 0) - linear.signal(plus(plus(z, 0, 4), 1, -2), 0), 1e-9);
        // Thresholds: piecewise constant, so a small move almost never changes f and f takes few values.
        HiddenRule steps = rules.get(RuleFamily.THRESHOLDS);
        Set<Double> values = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            values.add(steps.signal(gaussian(steps.latentDims(), random), 0));
        }
        assertTrue(values.size() <= 2 << steps.latentDims(), values.size() + " distinct values");
        // Monotone: along every dimension f moves one way only, and not in a straight line.
        HiddenRule monotone = rules.get(RuleFamily.MONOTONE);
        double[] along = along(monotone, z, 0);
        assertTrue(isMonotone(along), "monotone family along one dimension");
        assertTrue(Math.abs((along[40] - along[30]) - (along[30] - along[20])) > 0.01, "and curved");
        // Periodic: not monotone along its strongest dimension.
        HiddenRule periodic = rules.get(RuleFamily.PERIODIC);
        assertTrue(!isMonotone(along(periodic, new double[periodic.latentDims()], periodic.strongest()[0])));
    }

    @Test
    void textSeedsDrawNoPeriodicRule() {
        TaskDna text = TestTasks.seed("jigsaw-toxic-comment-classification-challenge");
        assertTrue(!rulesByFamily(text).containsKey(RuleFamily.PERIODIC));
    }

    @Test
    void theBestReferenceFamilyFollowsTheRuleFamily() {
        // A linear rule is best fitted by a linear reference, a rule of steps by trees: the two tasks' gold
        // thresholds come from different model families, so no one recipe is the answer to both.
        String linearBest = TestTasks.bestRung(generatedWith(RuleFamily.LINEAR));
        String stepsBest = TestTasks.bestRung(generatedWith(RuleFamily.THRESHOLDS));
        assertTrue(List.of("linear", "interactions").contains(linearBest), "linear rule, best rung " + linearBest);
        assertTrue(List.of("forest", "boosting").contains(stepsBest), "threshold rule, best rung " + stepsBest);
        assertNotEquals(linearBest, stepsBest);
    }

    private Path generatedWith(RuleFamily family) {
        for (long seed = 1; seed < 400; seed++) {
            if (new DataStrategist().plan(TABULAR, seed, 0).rule().family() != family) {
                continue;
            }
            GenerationOutcome o = new ProceduralGenerator().generate(
                    new GenerationRequest(TABULAR, 1, seed, Scale.MICRO, tmp.resolve(family.label())),
                    TestTasks.context(null)).get(0);
            if (o.kept()) {
                return o.dir();
            }
        }
        throw new AssertionError("no kept " + family + " task");
    }

    private static Map<RuleFamily, HiddenRule> rulesByFamily(TaskDna dna) {
        Map<RuleFamily, HiddenRule> seen = new EnumMap<>(RuleFamily.class);
        for (int index = 0; index < 200; index++) {
            HiddenRule rule = new DataStrategist().plan(dna, 11, index).rule();
            seen.putIfAbsent(rule.family(), rule);
        }
        return seen;
    }

    private static double[] along(HiddenRule rule, double[] start, int dim) {
        double[] f = new double[41];
        for (int i = 0; i < f.length; i++) {
            double[] z = start.clone();
            z[dim] = -2 + i * 0.1;
            f[i] = rule.signal(z, 0);
        }
        return f;
    }

    private static boolean isMonotone(double[] f) {
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < f.length; i++) {
            up &= f[i] >= f[i - 1];
            down &= f[i] <= f[i - 1];
        }
        return up || down;
    }

    private static double[] signals(HiddenRule rule, int n, SeededRandom random) {
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            f[i] = rule.scale()[0] * rule.signal(gaussian(rule.latentDims(), random), 0);
        }
        return f;
    }

    private static double[] gaussian(int dims, SeededRandom random) {
        double[] z = new double[dims];
        for (int j = 0; j < dims; j++) {
            z[j] = random.gaussian();
        }
        return z;
    }

    private static double[] plus(double[] z, int dim, double by) {
        double[] moved = z.clone();
        moved[dim] += by;
        return moved;
    }
}
