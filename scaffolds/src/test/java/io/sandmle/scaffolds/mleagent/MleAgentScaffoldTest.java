package io.sandmle.scaffolds.mleagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import io.sandmle.scaffolds.Fixtures;
import io.sandmle.support.doubles.ScriptedModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class MleAgentScaffoldTest {

    private static final String INFO = "{\"action\": \"request_info\", \"params\": {\"info_type\": \"overview\"}}";
    private static final String BUGGY = "<think>try</think>```json\n{\"action\": \"validate_code\", \"params\": "
            + "{\"code\": \"raise ValueError('BUG')\"}}\n```";
    private static final String GOOD = "{\"action\": \"execute_code\", \"params\": {\"code\": \"print('METRIC=0.9')\"}}";

    @Test
    void actsThroughTheEnvironmentWithReflectionAndErrorPrompts() {
        ScriptedModel model = ScriptedModel.replying(INFO, BUGGY, GOOD);
        Trajectory t = new MleAgentScaffold().run(Fixtures.episode(model, 4));
        assertEquals("max_turns", t.endReason());
        assertEquals(List.of("request_info", "validate_code", "execute_code", "execute_code"),
                t.turns().stream().map(Turn::action).toList());
        assertTrue(model.requests().get(0).messages().get(0).content().contains("You have 4 actions"));
        assertTrue(model.requests().get(1).messages().get(2).content().contains("#### Results Start ####"));
        assertTrue(model.requests().get(2).messages().get(4).content().contains("#### Error Start ####"));
        assertEquals(0.9, t.finalGrade().score());
        assertTrue(model.requests().stream().allMatch(r -> r.responseFormat() == ResponseFormat.JSON_ACTION));
        assertTrue(t.turns().stream().allMatch(turn -> turn.responseFormat() == ResponseFormat.JSON_ACTION));
    }

    @Test
    void anUnparsableReplyIsRepairedOutsideTheConversation() {
        ScriptedModel model = ScriptedModel.replying("{\"action\": \"execute_code\", \"params\": {\"code\": print(1)}}",
                GOOD, INFO);
        Trajectory t = new MleAgentScaffold().run(Fixtures.episode(model, 3));
        assertEquals("repair", t.turns().get(1).action());
        assertEquals("execute_code", t.turns().get(1).step().action());
        assertEquals(1, model.requests().get(1).messages().size(), "fresh one-message conversation");
        assertTrue(model.requests().get(1).messages().get(0).content().contains("Fix ONLY its format"));
        assertEquals(3, model.requests().get(2).messages().size(), "the broken reply stays in the history");
    }

    @Test
    void threeFailedRepairsEndTheEpisode() {
        Trajectory t = new MleAgentScaffold().run(Fixtures.episode(ScriptedModel.replying("no json here"), 10));
        assertEquals("parse_error", t.endReason());
        assertEquals(4, t.turns().size());
        assertNull(t.finalGrade());
    }

    @Test
    void validation() {
        assertTrue(AgentAction.parse("{\"action\": \"reset\", \"params\": {}}").error().startsWith("Unknown action"));
        assertTrue(AgentAction.parse("{\"action\": \"request_info\", \"params\": {\"code\": \"x\"}}").error()
                .contains("info_type"));
        assertTrue(AgentAction.parse("{\"action\": \"request_info\"}").error().contains("exactly the keys"));
        assertEquals("overview", AgentAction.parse("Sure!\n" + INFO + "\nGood luck").action().value());
    }
}
