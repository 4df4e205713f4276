package io.sandmle.support.doubles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Sampling;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test policy answers from its script and keeps every request in order. */
class ScriptedModelTest {

    private static ChatRequest ask(String text) {
        return new ChatRequest(List.of(ChatMessage.user(text)), Sampling.defaults(), List.of(), false,
                ResponseFormat.FREE_TEXT);
    }

    @Test
    void repliesInOrderRepeatingTheLastAndFailsOnTheFailMarker() {
        ScriptedModel model = ScriptedModel.replying("one", ScriptedModel.FAIL, "three");
        assertEquals("one", model.chat(ask("a")).content());
        assertTrue(model.chat(ask("b")).failed());
        assertEquals("three", model.chat(ask("c")).content());
        assertEquals("three", model.chat(ask("d")).content());
        assertEquals(List.of("a", "b", "c", "d"),
                model.requests().stream().map(r -> r.messages().get(0).content()).toList());
    }

    @Test
    void repliesByCallNumberOrFromTheRequest() {
        ScriptedModel byCall = ScriptedModel.byCall(i -> "call " + i);
        byCall.chat(ask("x"));
        assertEquals("call 1", byCall.chat(ask("x")).content());
        ScriptedModel echo = ScriptedModel.byRequest(r -> "echo " + r.messages().get(0).content());
        assertEquals("echo hi", echo.chat(ask("hi")).content());
    }
}
