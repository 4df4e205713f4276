package io.sandmle.scaffolds.react;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ChatMessage;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import io.sandmle.scaffolds.Fixtures;
import io.sandmle.support.doubles.ScriptedModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReactScaffoldTest {

    static final String RUN_GOOD = "<think>Train a model.</think>\n<tool_call>\npython\n<code>\nprint('METRIC=0.9')\n"
            + "</code>\n</tool_call>";
    static final String SCORE = "<think>Grade it.</think>\n<tool_call>\n{\"name\": \"Score\", \"arguments\": "
            + "{\"competition_id\": \"tiny-binary\"}}\n</tool_call>";
    static final String ANSWER = "<think>Good enough.</think>\n<answer>submission</answer>";

    private static List<String> actions(Trajectory t) {
        return t.turns().stream().map(Turn::action).toList();
    }

    @Test
    void runsScoresAndAnswers() {
        ScriptedModel model = ScriptedModel.replying(RUN_GOOD, SCORE, ANSWER);
        Trajectory t = new ReactScaffold().run(Fixtures.episode(model, 15));
        assertEquals("answered", t.endReason());
        assertEquals(List.of("python", "score", "answer"), actions(t));
        assertEquals(0.9, t.finalGrade().score());
        List<ChatMessage> second = t.turns().get(1).prompt();
        assertEquals("system", second.get(0).role());
        assertTrue(second.get(0).content().contains("<tool_call>\npython\n<code>"));
        assertTrue(second.get(1).content().contains("## Competition ID: tiny-binary"));
        assertTrue(second.get(1).content().contains("/data (read-only)"));
        assertTrue(second.get(3).content().startsWith("<tool_response>\n[Output]\nValidation metric: 0.9"));
        assertEquals("user", second.get(3).role());
        assertTrue(t.turns().stream().allMatch(turn -> turn.harnessMillis() >= 0 && turn.note() == null));
        assertEquals(List.of("<tool_response>"), model.requests().get(0).stop());
        assertTrue(model.requests().stream().allMatch(r -> r.responseFormat() == ResponseFormat.REACT));
        assertTrue(t.turns().stream().allMatch(turn -> turn.responseFormat() == ResponseFormat.REACT));
    }

    @Test
    void aPolicyThatNeverCallsAToolRunsOutOfTurns() {
        Trajectory t = new ReactScaffold().run(Fixtures.episode(ScriptedModel.replying("I think I will just chat."), 4));
        assertEquals("token_limit_no_answer", t.endReason());
        assertEquals(4, t.turns().size());
        assertEquals("no tool call in the reply", t.turns().get(0).note());
        assertTrue(!t.finalGrade().valid(), "graded the missing submission as the fallback");
    }

    @Test
    void unknownToolAndBadJsonAreObservationsAndTheEpisodeGoesOn() {
        Trajectory t = new ReactScaffold().run(Fixtures.episode(ScriptedModel.replying(
                "<tool_call>{\"name\": \"Search\", \"arguments\": {}}</tool_call>",
                "<tool_call>{name: Score</tool_call>", RUN_GOOD, ANSWER), 10));
        assertEquals("answered", t.endReason());
        assertTrue(t.turns().get(0).note().contains("Error: Tool Search not found"));
        assertTrue(t.turns().get(1).note().contains(ToolCall.NOT_JSON));
        String observation = t.turns().get(2).prompt().get(3).content();
        assertTrue(observation.contains("Tool Search not found"), observation);
        assertEquals(0.9, t.finalGrade().score(), "no Score call: the final submission was graded");
    }

    @Test
    void repeatingTheSameCallEndsAsALoop() {
        Trajectory t = new ReactScaffold().run(Fixtures.episode(ScriptedModel.replying(RUN_GOOD), 15));
        assertEquals("loop", t.endReason());
        assertEquals(ReactScaffold.LOOP_REPEATS, t.turns().size());
    }

    @Test
    void answeringBeforeAnyStepIsRecorded() {
        Trajectory t = new ReactScaffold().run(Fixtures.episode(ScriptedModel.replying(ANSWER), 15));
        assertEquals("answered", t.endReason());
        assertEquals("answered before any tool step", t.turns().get(0).note());
    }

    @Test
    void endpointFailureEndsAsTimeoutWithTheReason() {
        Trajectory t = new ReactScaffold().run(Fixtures.episode(ScriptedModel.replying(RUN_GOOD, ScriptedModel.FAIL), 15));
        assertEquals("timeout", t.endReason());
        assertTrue(t.turns().get(1).note().startsWith("Could not connect"));
        assertTrue(t.turns().get(1).response().failed());
    }

    @Test
    void toolCallParsing() {
        assertEquals(ToolCall.NO_CODE_TAGS, ToolCall.first("<tool_call>python\nprint(1)</tool_call>").error());
        ToolCall unclosed = ToolCall.first("<tool_call>\npython\n<code>\nprint(2)\n");
        assertEquals("print(2)", unclosed.code());
        assertEquals("score", ToolCall.first("<tool_call>{'name': 'Score', arguments: {},}</tool_call>").tool());
        assertNull(ToolCall.first("no call"));
        assertEquals("a ", ReactScaffold.cutSelfWrittenResponse("a <tool_response>made up</tool_response>"));
    }

    @Test
    void pruningDropsFailedCallsFirstThenKeepsTheTail() {
        String big = "x".repeat(400);
        List<ChatMessage> m = new ArrayList<>(List.of(ChatMessage.system("s"), ChatMessage.user("task"),
                ChatMessage.assistant("<tool_call>a" + big + "</tool_call>"),
                ChatMessage.user("<tool_response>Traceback: Error</tool_response>"),
                ChatMessage.assistant("<tool_call>b" + big + "</tool_call>"),
                ChatMessage.user("<tool_response>fine</tool_response>")));
        assertTrue(ContextPruner.prune(m, 150).contains("dropped 1"));
        assertEquals(4, m.size());
        assertTrue(m.get(2).content().startsWith("<tool_call>b"));
        m.add(ChatMessage.assistant("c" + big));
        m.add(ChatMessage.user("d"));
        assertTrue(ContextPruner.prune(m, 150).contains("last two"));
        assertEquals(List.of("s", "task", "c" + big, "d"), m.stream().map(ChatMessage::content).toList());
        assertNull(ContextPruner.prune(m, 100_000));
    }

    @Test
    void longConversationsArePrunedAtTheBudget() {
        ScriptedModel model = ScriptedModel.byCall(i -> "<tool_call>\npython\n<code>\nprint(" + i + ") # BUG "
                + "y".repeat(2_000) + "\n</code>\n</tool_call>");
        Trajectory t = new ReactScaffold(1_500).run(Fixtures.episode(model, 6));
        assertTrue(t.turns().stream().anyMatch(turn -> turn.note() != null && turn.note().contains("context over")));
        assertTrue(model.requests().get(5).messages().size() < 2 + 2 * 5);
    }
}
