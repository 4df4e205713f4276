package io.sandmle.trainers.local;

import io.sandmle.api.Task;
import io.sandmle.api.Trajectory;
import io.sandmle.trainers.policy.EmbeddedPolicy;
import io.sandmle.trainers.reward.DenseReward;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class UntrainedPolicyEndToEndTest {

    @Test
    void untrainedPolicySolvesSomeMicroTasksAndFailsOthers(@TempDir Path dir) throws Exception {
        List<Task> tasks = MicroTasks.create(dir.resolve("tasks"), 0, 8, 7);
        EmbeddedPolicy policy = EmbeddedPolicy.untrained(1);
        DenseReward reward = new DenseReward();
        int valid = 0;
        int episodes = 0;
        int medals = 0;
        int failedSteps = 0;
        try (PythonWorkerPool python = new PythonWorkerPool("/usr/bin/python3", 2)) {
            ReactEpisode loop = new ReactEpisode(python, new MicroGrader(), 6, Duration.ofSeconds(60));
            for (Task task : tasks) {
                for (int g = 0; g < 3; g++) {
                    Trajectory t = loop.run(task.id() + "-" + g, task, policy, 100 + g,
                            dir.resolve("work").resolve(task.id() + "-" + g));
                    episodes++;
                    if (t.finalGrade() != null && t.finalGrade().valid()) {
                        valid++;
                    }
                    medals += io.sandmle.trainers.reward.MilestoneReward.medalOf(t.finalGrade()).any() ? 1 : 0;
                    failedSteps += (int) t.turns().stream().filter(x -> x.step() != null && x.step().exec() != null
                            && !x.step().exec().succeeded()).count();
                    System.out.printf("%s g%d turns=%d end=%s grade=%s reward=%.2f %s%n", task.id(), g, t.turns().size(),
                            t.endReason(), t.finalGrade() == null ? null : t.finalGrade().score() + "/" + t.finalGrade().medal(),
                            reward.reward(t).total(), t.turns().stream().map(x -> x.action()).toList());
                }
            }
        }
        assertTrue(valid > episodes / 2, "most episodes end with a valid submission: " + valid + "/" + episodes);
        assertTrue(medals < episodes * 0.6, "the untrained policy is mediocre: " + medals + " medals");
        assertTrue(failedSteps > 0, "some sampled recipes fail (missing library, NaNs) and must be repaired");
    }
}
