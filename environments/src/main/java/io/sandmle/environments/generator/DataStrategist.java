package io.sandmle.environments.generator;

import io.sandmle.api.Modality;
import io.sandmle.api.Scale;
import io.sandmle.api.TaskDna;
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
        HiddenRule rule = rule(target.ruleOutputs(), latentDims, mutations.noise(), random);
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

    private static HiddenRule rule(int outputs, int dims, double noise, SeededRandom random) {
        double[][] w = new double[outputs][dims];
        double[] bias = new double[outputs];
        double[] inter = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            double norm = 0;
            for (int j = 0; j < dims; j++) {
                // Keep every weight away from zero so no latent dimension is silently irrelevant.
                w[o][j] = (random.chance(0.5) ? 1 : -1) * random.uniform(0.35, 1.0);
                norm += w[o][j] * w[o][j];
            }
            double scale = 1.4 / Math.sqrt(norm);
            for (int j = 0; j < dims; j++) {
                w[o][j] *= scale;
            }
            inter[o] = (random.chance(0.5) ? 1 : -1) * random.uniform(0.8, 1.2);
            bias[o] = random.uniform(-0.2, 0.2);
        }
        // The interaction joins the two dimensions with the largest linear weights, so the strongest single
        // features are the ones whose product matters: a ladder rung that models interactions can find it.
        int a = strongest(w[0], -1);
        int b = strongest(w[0], a);
        return new HiddenRule(w, bias, a, b, inter, noise);
    }

    private static int strongest(double[] weights, int except) {
        int best = except == 0 ? 1 : 0;
        for (int j = 0; j < weights.length; j++) {
            if (j != except && Math.abs(weights[j]) > Math.abs(weights[best])) {
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
