package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.Budget;
import io.sandmle.api.Episode;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ExtensionRegistry;
import io.sandmle.api.Grade;
import io.sandmle.api.HarnessPlugin;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Medal;
import io.sandmle.api.MleEnvironment;
import io.sandmle.api.Modality;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Sampling;
import io.sandmle.api.StepRecord;
import io.sandmle.api.Task;
import io.sandmle.api.Trajectory;
import io.sandmle.support.doubles.ScriptedModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The scaffold against a scripted policy and an environment that grades without running anything. */
class ScriptScaffoldTest {

    private static final Task TASK = new Task(Task.SCHEMA_VERSION, "tiny", "Tiny binary task", "accuracy", false,
            null, Modality.TABULAR, "binary", "tabular", Map.of(), Path.of("."));

    @Test
    void runsTheScriptFixesItAfterAnInvalidSubmissionAndEndsWithTheGrade() {
        ScriptedModel policy = ScriptedModel.replying(
                "A first try:\n```python\nprint('forgot the submission')\n```",
                "Fixed:\n```python\nopen('submission.csv', 'w').write('id,label\\n1,0\\n')\n```");
        GradingEnvironment env = new GradingEnvironment();

        Trajectory trajectory = new ScriptScaffold().run(episode(policy, env, 5));

        assertEquals("submitted", trajectory.endReason());
        assertEquals(2, trajectory.turns().size());
        assertEquals(2, env.executed.size());
        assertTrue(trajectory.finalGrade().valid());
        assertEquals(ScriptScaffold.NAME, trajectory.scaffold());
        String secondPrompt = trajectory.turns().get(1).prompt().get(3).content();
        assertTrue(secondPrompt.contains("no submission.csv"), secondPrompt);
        assertTrue(policy.requests().stream().allMatch(r -> r.responseFormat() == ResponseFormat.PLAN_AND_CODE));
    }

    @Test
    void stopsAtTheTurnBudget() {
        ScriptedModel policy = ScriptedModel.replying("No code this time.");
        Trajectory trajectory = new ScriptScaffold().run(episode(policy, new GradingEnvironment(), 3));

        assertEquals("max_turns", trajectory.endReason());
        assertEquals(3, trajectory.turns().size());
        assertEquals("no python code block in the reply", trajectory.turns().get(2).note());
    }

    @Test
    void theServiceFileRegistersTheScaffoldUnderItsName() {
        Map<String, Class<?>> scaffolds = new HashMap<>();
        ExtensionRegistry registry = new ExtensionRegistry() {
            @Override
            public <T> void add(ExtensionKind<T> kind, String name, Class<? extends T> implementation) {
                if (ExtensionKind.SCAFFOLD.equals(kind)) {
                    scaffolds.put(name, implementation);
                }
            }

            @Override
            public <T> void add(ExtensionKind<T> kind, String name, Supplier<? extends T> factory) {
                throw new AssertionError("the plugin registers classes only: " + name);
            }
        };
        ServiceLoader.load(HarnessPlugin.class).forEach(plugin -> plugin.register(registry));

        assertEquals(Map.of(ScriptScaffold.NAME, ScriptScaffold.class), scaffolds);
    }

    private static Episode episode(LanguageModel policy, MleEnvironment env, int maxTurns) {
        return new Episode("ep-0", TASK, env, policy, new Budget(maxTurns, Duration.ofMinutes(1), Duration.ofSeconds(30)),
                Sampling.defaults(), 0);
    }

    /** Grades a script as valid when it writes submission.csv; runs nothing. */
    private static final class GradingEnvironment implements MleEnvironment {
        private final List<String> executed = new ArrayList<>();
        private Grade best;

        @Override
        public Task task() {
            return TASK;
        }

        @Override
        public StepRecord requestInfo(String infoType) {
            return step("request_info", null, null, "data_path: /data");
        }

        @Override
        public StepRecord executeCode(String code) {
            executed.add(code);
            Grade grade = code.contains("submission.csv")
                    ? new Grade(Grade.SCHEMA_VERSION, TASK.id(), true, true, 0.9, null, Medal.NONE, true, null, null, false)
                    : Grade.invalid(TASK.id(), false, "no submission.csv was written", null, false);
            if (grade.valid()) {
                best = grade;
            }
            return step("execute_code", code, grade, grade.valid() ? "Score: 0.9" : grade.reason());
        }

        @Override
        public StepRecord validateCode(String code) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StepRecord python(String code) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StepRecord score() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void reset() {
            executed.clear();
        }

        @Override
        public List<StepRecord> history() {
            return List.of();
        }

        @Override
        public Grade bestGrade() {
            return best;
        }

        @Override
        public void close() {
        }

        private StepRecord step(String action, String code, Grade grade, String observation) {
            return new StepRecord(StepRecord.SCHEMA_VERSION, executed.size(), action, code, null, grade, observation,
                    System.currentTimeMillis());
        }
    }
}
