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
                    System.out.printf("%s g%d turns=%d end=%s grade=%s reward=%.2f %s%n", task.id(), g, t.turns().size(),
                            t.endReason(), t.finalGrade() == null ? null : t.finalGrade().score() + "/" + t.finalGrade().medal(),
                            reward.reward(t).total(), t.turns().stream().map(x -> x.action()).toList());
                }
            }
        }
        assertTrue(valid > 0, "some episodes must end with a valid submission");
        assertTrue(valid < episodes || episodes > 0);
    }
}
