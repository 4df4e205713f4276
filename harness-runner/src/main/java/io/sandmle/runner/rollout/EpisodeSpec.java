package io.sandmle.runner.rollout;

import io.sandmle.api.Budget;
import io.sandmle.api.Grader;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Sampling;
import io.sandmle.api.Task;

/**
 * One episode to run: a task from a suite, solved by a scaffold driving a policy, with a seed.
 *
 * @param suite    the suite's name
 * @param task     the task
 * @param grader   the suite's grader for the task
 * @param scaffold the scaffold's registry name
 * @param policy   the policy's name in reports
 * @param model    the policy itself
 * @param seed     the repetition seed (also the sampling seed)
 * @param budget   turns and time the episode may spend
 * @param sampling sampling parameters
 * @param attempt  what tells apart repeated runs of the same task, scaffold, policy and seed in one run folder
 *                 (a rollout request's session id), or {@code null} where the seed already does
 */
public record EpisodeSpec(String suite, Task task, Grader grader, String scaffold, String policy, LanguageModel model,
                          long seed, Budget budget, Sampling sampling, String attempt) {

    /** An episode identified by its task, scaffold, policy and seed alone. */
    public EpisodeSpec(String suite, Task task, Grader grader, String scaffold, String policy, LanguageModel model,
                       long seed, Budget budget, Sampling sampling) {
        this(suite, task, grader, scaffold, policy, model, seed, budget, sampling, null);
    }

    /**
     * A stable id, the same on every run of the same plan, so that a resumed run recognises finished
     * episodes: {@code <suite>.<task>.<scaffold>.<policy>.s<seed>[.<attempt>]} with unsafe characters
     * replaced.
     */
    public String episodeId() {
        String id = String.join(".", safe(suite), safe(task.id()), safe(scaffold), safe(policy), "s" + seed);
        return attempt == null ? id : id + "." + safe(attempt);
    }

    /** What reports compare: {@code policy x scaffold} (ASCII, as configs write a baseline). */
    public String system() {
        return policy + " x " + scaffold;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
