package io.sandmle.environments.generator;

import io.sandmle.api.Modality;
import io.sandmle.api.Scale;
import io.sandmle.api.TaskDna;

/**
 * The Data Strategist's output: everything the ML Developer needs to synthesize one task.
 *
 * @param taskId    the new task's id
 * @param dna       the seed's DNA the task keeps
 * @param domain    the new application domain
 * @param modality  the modality to synthesize (the seed's)
 * @param target    the prediction target and metric
 * @param rule      the hidden rule
 * @param mutations the adversarial mutations
 * @param trainRows training rows (50–200 micro, 20k–100k full)
 * @param testRows  test rows
 * @param scale     micro or full twin
 * @param seed      the seed every later random draw derives from
 * @param origin    the request seed and task index the spec was planned from (for reproduction)
 */
record TaskSpec(String taskId, TaskDna dna, Domain domain, Modality modality, TargetSchema target, HiddenRule rule,
                Mutations mutations, int trainRows, int testRows, Scale scale, long seed, Origin origin) {

    /** Where a spec came from: {@code DataStrategist.plan(dna, requestSeed, index)}. */
    record Origin(long requestSeed, int index) {
    }

    /** A random stream for one purpose, independent of the order other streams are used in. */
    SeededRandom random(String purpose) {
        return new SeededRandom(SeededRandom.derive(seed, purpose));
    }
}
