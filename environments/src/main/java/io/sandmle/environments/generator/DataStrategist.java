package io.sandmle.environments.generator;

import io.sandmle.api.Modality;
import io.sandmle.api.Scale;
import io.sandmle.api.TaskDna;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Role 1 of the SandMLE pipeline: turns a seed's DNA into a new task specification — a new application
 * domain, a hidden rule l = f(z) + ε, adversarial mutations drawn from what makes the seed hard, and a
 * micro-scale size (50–200 training rows) or, for a full twin, the same task at 20k–100k rows.
 */
final class DataStrategist {

    /** Plans task number {@code index} for a seed; the same (dna, seed, index) always gives the same plan. */
    TaskSpec plan(TaskDna dna, long seed, int index) {
        return plan(dna, seed, index, null);
    }

    /**
     * Plans a task, taking the domain, mutations and size from {@code proposal} when one is given (the LLM Data
     * Strategist's choices); the hidden rule is always drawn from the seeded random stream.
     */
    TaskSpec plan(TaskDna dna, long seed, int index, Proposal proposal) {
        long taskSeed = SeededRandom.derive(seed, dna.seedId() + "#" + index);
        SeededRandom random = new SeededRandom(taskSeed);
        Domain picked = Domain.pick(random);
        Domain domain = proposal == null ? picked : proposal.domain();
        TargetSchema target = TargetDesign.design(dna, domain, random);
        Mutations drawn = mutations(dna, random);
        Mutations mutations = proposal == null ? drawn : proposal.mutations();
        int latentDims = dna.modality() == Modality.GRAPH ? 4 : random.between(4, 6);
        HiddenRule rule = rule(dna, target.ruleOutputs(), latentDims, mutations.noise(), random, taskSeed);
        if (rule.family() == RuleFamily.SPARSE && proposal == null) {
            mutations = mutations.withDistractors(Math.max(4, mutations.distractors()));
        }
        int drawnRows = random.between(50, 200);
        int train = proposal == null ? drawnRows : proposal.trainRows();
        int test = Math.max(150, Math.min(400, 2 * train));
        String id = String.format(Locale.ROOT, "%s-%s-%s", domain.name(), shortName(dna.seedId()),
                new SeededRandom(taskSeed).hexId(6));
        return new TaskSpec(id, dna, domain, dna.modality(), target, rule, mutations, train, test, Scale.MICRO,
                taskSeed, new TaskSpec.Origin(seed, index));
    }

    /**
     * A Data Strategist's choices for one task.
     *
     * @param domain    the application domain
     * @param mutations the adversarial mutations
     * @param trainRows training rows, 50–200
     */
    record Proposal(Domain domain, Mutations mutations, int trainRows) {
    }

    /**
     * The full-size twin of a micro task: same DNA, domain, target and hidden rule, 20k–100k training rows.
     * Media modalities (one file per row) stay at 20k rows to keep generation time bounded; time series
     * take the top of the range because a 48-step series per row is cheap to load and fit at 20k.
     */
    TaskSpec fullTwin(TaskSpec micro) {
        SeededRandom random = micro.random("full-size");
        int train = switch (micro.modality()) {
            case IMAGE, AUDIO, GRAPH, MULTIMODAL -> 20_000;
            case TIME_SERIES -> 100_000;
            default -> 20_000 * random.between(1, 5);
        };
        return new TaskSpec(micro.taskId() + "-full", micro.dna(), micro.domain(), micro.modality(), micro.target(),
                micro.rule(), micro.mutations(), train, 5_000, Scale.FULL, micro.seed(), micro.origin());
    }

    private static Mutations mutations(TaskDna dna, SeededRandom random) {
        String hard = String.join(" ", dna.hardness()).toLowerCase(Locale.ROOT);
        // One mutation beyond what the seed names, so tasks from one seed differ in difficulty.
        int extra = random.nextInt(6);
        double noise = has(hard, "noise", "noisy") || extra == 0 ? random.uniform(0.4, 0.6) : random.uniform(0.2, 0.35);
        double missing = has(hard, "missing") || extra == 1 ? random.uniform(0.03, 0.08) : 0;
        double outliers = has(hard, "outlier") || extra == 2 ? random.uniform(0.01, 0.03) : 0;
        double positives = has(hard, "imbalance", "rare", "positives") || extra == 3 ? random.uniform(0.2, 0.3) : 0.5;
        int distractors = has(hard, "distractor", "more columns", "features") || extra == 4 ? random.between(2, 5) : 0;
        double shift = has(hard, "shift") || extra == 5 ? random.uniform(0.3, 0.6) : 0;
        return new Mutations(noise, missing, outliers, positives, distractors, shift);
    }

    /**
     * Draws the hidden rule: its family from the seed's candidates, then the family's parameters, then the scale
     * that gives f the same spread whatever the family (measured on 2,000 standard-normal draws of z).
     */
    private static HiddenRule rule(TaskDna dna, int outputs, int dims, double noise, SeededRandom random, long taskSeed) {
        List<RuleFamily> families = RuleFamily.candidates(dna);
        RuleFamily family = families.get(random.nextInt(families.size()));
        double[][] w = new double[outputs][dims];
        double[] bias = new double[outputs];
        double[][] terms = new double[outputs][3];
        for (int o = 0; o < outputs; o++) {
            for (int j = 0; j < dims; j++) {
                // Keep every weight away from zero so no latent dimension is silently irrelevant; the sparse
                // family keeps two strong dimensions and leaves the others a trace of signal.
                double size = family == RuleFamily.SPARSE && j >= 2 ? random.uniform(0.03, 0.08) : random.uniform(0.35, 1.0);
                w[o][j] = (random.chance(0.5) ? 1 : -1) * size;
            }
            for (int t = 0; t < terms[o].length; t++) {
                terms[o][t] = (random.chance(0.5) ? 1 : -1) * random.uniform(0.8, 1.2);
            }
            bias[o] = random.uniform(-0.2, 0.2);
        }
        double[] cuts = new double[dims];
        for (int j = 0; j < dims; j++) {
            cuts[j] = random.uniform(-0.7, 0.7);
        }
        // The non-additive terms join the dimensions with the largest weights, so the strongest single features
        // are the ones whose products, joint steps or sines matter: a model that looks at them can find it.
        int a = strongest(w[0], -1, -1);
        int b = strongest(w[0], a, -1);
        int c = strongest(w[0], a, b);
        double[] unit = new double[outputs];
        Arrays.fill(unit, 1.0);
        HiddenRule unscaled = new HiddenRule(family, w, bias, new int[] {a, b, c}, terms, cuts, unit, noise);
        return new HiddenRule(family, w, bias, new int[] {a, b, c}, terms, cuts,
                signalScale(unscaled, new SeededRandom(SeededRandom.derive(taskSeed, "rule-scale"))), noise);
    }

    private static double[] signalScale(HiddenRule rule, SeededRandom random) {
        int draws = 2_000;
        double[][] f = new double[rule.outputs()][draws];
        double[] z = new double[rule.latentDims()];
        for (int i = 0; i < draws; i++) {
            for (int j = 0; j < z.length; j++) {
                z[j] = random.gaussian();
            }
            for (int o = 0; o < rule.outputs(); o++) {
                f[o][i] = rule.signal(z, o);
            }
        }
        double[] scale = new double[rule.outputs()];
        for (int o = 0; o < scale.length; o++) {
            scale[o] = HiddenRule.SIGNAL_SD / Math.max(standardDeviation(f[o]), 1e-9);
        }
        return scale;
    }

    static double standardDeviation(double[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / values.length);
    }

    private static int strongest(double[] weights, int except, int alsoExcept) {
        int best = -1;
        for (int j = 0; j < weights.length; j++) {
            if (j != except && j != alsoExcept && (best < 0 || Math.abs(weights[j]) > Math.abs(weights[best]))) {
                best = j;
            }
        }
        return best;
    }

    private static boolean has(String text, String... words) {
        for (String w : words) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static String shortName(String seedId) {
        String[] parts = seedId.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (!p.isEmpty() && b.length() < 18) {
                b.append(b.length() == 0 ? "" : "-").append(p);
            }
        }
        return b.toString();
    }
}
