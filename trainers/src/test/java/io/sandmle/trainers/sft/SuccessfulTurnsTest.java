package io.sandmle.trainers.sft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.ExecResult;
import io.sandmle.api.Grade;
import io.sandmle.api.Medal;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Sampling;
import io.sandmle.api.StepRecord;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import io.sandmle.trainers.policy.EmbeddedPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SFT clones the turns that made the graded submission, not the attempts before it or the code run after it. */
class SuccessfulTurnsTest {

    private static final String SYSTEM = "Tool formats:\n<tool_call>\npython\n<code>\n# code\n</code>\n</tool_call>";
    private static final Grade MEDAL = new Grade(1, "t0", true, true, 0.91, null, Medal.GOLD, true, null, null, false);
    private static final Grade INVALID = Grade.invalid("t0", true, "expected 5 rows, found 3", null, false);

    /** A ReAct episode of the real embedded policy, each turn answered on the conversation so far. */
    private static final class Episode {
        final EmbeddedPolicy policy = EmbeddedPolicy.untrained(5);
        final List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.system(SYSTEM), ChatMessage.user(
                "## Competition ID: t0\nThis is a binary task scored by ROC AUC. 150 training rows.\n"
                        + "## Dataset Folder:\n/data/x/")));
        final List<Turn> turns = new ArrayList<>();

        /** One turn: the policy answers, {@code step} is what the scaffold did with it ({@code null}: nothing ran). */
        Episode turn(String action, StepRecord step) {
            List<ChatMessage> prompt = List.copyOf(messages);
            ChatResponse r = policy.chat(new ChatRequest(prompt, new Sampling(1, 1, 100, 11L + turns.size()), List.of(),
                    true, ResponseFormat.REACT));
            turns.add(new Turn(turns.size(), prompt, ResponseFormat.REACT, r, action, step, null, 0));
            messages.add(ChatMessage.assistant(r.content()));
            if (step != null) {
                messages.add(ChatMessage.user("<tool_response>\n" + step.observation() + "\n</tool_response>"));
            }
            return this;
        }

        Trajectory ended(Grade finalGrade) {
            return new Trajectory(1, "e0", "t0", "react", policy.id(), 0, turns, finalGrade, "answered", 0);
        }
    }

    private static StepRecord python(int exitCode, String output) {
        ExecResult exec = new ExecResult(1, exitCode, exitCode == 0 ? output : "", exitCode == 0 ? "" : output, 10, 10,
                0, false, null);
        return new StepRecord(1, 0, "python", "# code", exec, null, output, 0);
    }

    private static StepRecord score(Grade grade, String observation) {
        return new StepRecord(1, 0, "score", null, null, grade, observation, 0);
    }

    private static StepRecord executeCode(boolean ran, Grade grade) {
        ExecResult exec = new ExecResult(1, ran ? 0 : 1, "", ran ? "" : "Traceback", 10, 10, 0, false, null);
        return new StepRecord(1, 0, "execute_code", "# code", exec, grade, "", 0);
    }

    private static List<Integer> indices(Trajectory t) {
        return t.turns().stream().map(Turn::index).toList();
    }

    private static int choices(List<Turn> turns) {
        return turns.stream().mapToInt(t -> t.response().logprobs().size()).sum();
    }

    @Test
    void aCrashAndAnInvalidSubmissionBeforeTheMedalAndCodeAfterItAreNotCloned() {
        Trajectory t = new Episode()
                .turn("python", python(1, "Traceback (most recent call last):\nModuleNotFoundError: No module named "
                        + "'lightgbm'"))                                                       // 0 crashed
                .turn("python", python(0, "wrote submission.csv"))                            // 1 ran, invalid below
                .turn("score", score(INVALID, "Submission CSV is invalid: expected 5 rows, found 3"))  // 2
                .turn("python", python(0, "wrote submission.csv"))                            // 3 the repair
                .turn("score", score(MEDAL, "Submission OK. score_primary: 0.91 threshold_median: 0.7 "
                        + "threshold_bronze: 0.85"))                                           // 4 graded the medal
                .turn("python", python(0, "wrote submission.csv"))                            // 5 after the grade
                .turn("answer", null)                                                          // 6 kept the medal
                .ended(MEDAL);

        Trajectory cloned = SuccessfulTurns.of(t);

        assertEquals(List.of(3, 4, 6), indices(cloned));
        assertTrue(choices(t.turns().subList(0, 1)) > 0, "the failed first attempt made choices to leave out");
        SftSettings once = SftSettings.from(Map.of("sft-validation", "0", "sft-epochs", "1"));
        BehaviourCloning.Outcome outcome = BehaviourCloning.clone(EmbeddedPolicy.untrained(5), List.of(t), once, 0,
                (epoch, figures) -> { });
        assertEquals((double) choices(cloned.turns()), outcome.metrics().get("train_choices"));
        assertEquals(3.0, outcome.metrics().get("cloned_turns"));
        assertEquals(4.0, outcome.metrics().get("dropped_turns"));
        assertEquals(1, outcome.epochs());
    }

    @Test
    void aFirstRecipeThatRanButScoredLessIsNotCloned() {
        Grade below = new Grade(1, "t0", true, true, 0.6, null, Medal.NONE, false, null, null, false);
        Trajectory t = new Episode()
                .turn("python", python(0, "wrote submission.csv"))                            // 0 the first recipe
                .turn("score", score(below, "Submission OK. score_primary: 0.6 threshold_median: 0.7 "
                        + "threshold_bronze: 0.85"))                                           // 1 below the median
                .turn("python", python(0, "wrote submission.csv"))                            // 2 the next recipe
                .turn("score", score(MEDAL, "Submission OK. score_primary: 0.91 threshold_median: 0.7 "
                        + "threshold_bronze: 0.85"))                                           // 3 medal
                .turn("answer", null)                                                          // 4
                .ended(MEDAL);

        assertEquals(List.of(2, 3, 4), indices(SuccessfulTurns.of(t)));
        assertTrue(choices(t.turns().subList(0, 1)) > 0 && choices(t.turns().subList(2, 3)) > 0);
    }

    @Test
    void aTreeSearchClonesOnlyTheBestNode() {
        Episode e = new Episode();
        Grade below = new Grade(1, "t0", true, true, 0.6, null, Medal.NONE, false, null, null, false);
        Grade worse = new Grade(1, "t0", true, true, 0.5, null, Medal.NONE, false, null, null, false);
        e.turn("draft", executeCode(false, null))       // 0 buggy draft
                .turn("debug", executeCode(true, below))  // 1 ran, a valid but weak submission
                .turn("improve", executeCode(true, MEDAL)) // 2 the best node, whose grade the episode ends with
                .turn("improve", executeCode(true, worse)) // 3 ran after it, not the graded submission
                .turn("improve", executeCode(true, INVALID)); // 4 wrote an invalid submission

        assertEquals(List.of(2), indices(SuccessfulTurns.of(e.ended(MEDAL))));
    }

    @Test
    void withTheGradeTakenAfterTheTurnsTheLastCleanRunWroteIt() {
        Episode e = new Episode()
                .turn("python", python(0, "wrote submission.csv"))
                .turn("python", python(0, "wrote submission.csv"))
                .turn("python", python(1, "Traceback (most recent call last):\nValueError: could not convert string"));

        assertEquals(List.of(1), indices(SuccessfulTurns.of(e.ended(MEDAL))));
    }
}
