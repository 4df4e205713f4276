package io.sandmle.support.doubles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.Budget;
import io.sandmle.api.Episode;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Sampling;
import io.sandmle.api.Scaffold;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.rollout.EnginePlansAccess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every registered scaffold, found through the plugin loader, understands the stand-in policy's replies. */
class FixedScriptPolicyTest {

    private static Trajectory run(String scaffold, int turns) {
        Scaffold s = Extensions.load(List.of()).create(ExtensionKind.SCAFFOLD, scaffold);
        var task = EnginePlansAccess.task("micro");
        return s.run(new Episode("e", task, EnginePlansAccess.environment(task), new FixedScriptPolicy(),
                new Budget(turns, Duration.ofMinutes(1), Duration.ofSeconds(30)), Sampling.defaults(), 1));
    }

    @Test
    void reactTakesThreeTurns() {
        Trajectory t = run("react", 10);
        assertEquals("answered", t.endReason());
        assertEquals(List.of("python", "score", "answer"), t.turns().stream().map(Turn::action).toList());
        assertTrue(t.turns().get(0).step().code().contains("LogisticRegression"));
        assertTrue(t.turns().stream().allMatch(x -> x.responseFormat() == ResponseFormat.REACT));
    }

    @Test
    void treeSearchScaffoldsRunTheFencedScript() {
        for (String scaffold : List.of("aide", "aira-greedy")) {
            Trajectory t = run(scaffold, 3);
            assertEquals(List.of("draft", "draft", "draft"), t.turns().stream().map(Turn::action).toList());
            assertTrue(t.turns().stream().allMatch(x -> x.note() == null), scaffold);
            assertTrue(t.turns().stream().allMatch(x -> x.responseFormat() == ResponseFormat.PLAN_AND_CODE), scaffold);
        }
    }

    @Test
    void mleAgentAsksForTheDataPathThenExecutes() {
        Trajectory t = run("mle-agent", 2);
        assertEquals(List.of("request_info", "execute_code"), t.turns().stream().map(Turn::action).toList());
        assertTrue(t.turns().get(1).step().code().contains("D = \"/data\""));
    }

    @Test
    void dataDirComesFromThePrompt() {
        assertEquals("/mnt/x", FixedScriptPolicy.dataDir("## Dataset Folder:\n/mnt/x\n"));
        assertEquals("/d", FixedScriptPolicy.dataDir("information: {\"data_path\": \"/d\"}"));
    }
}
