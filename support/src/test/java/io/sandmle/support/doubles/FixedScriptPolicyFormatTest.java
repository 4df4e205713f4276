package io.sandmle.support.doubles;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Sampling;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stand-in policy answers in the format the request declares, whatever the prompt looks like. */
class FixedScriptPolicyFormatTest {

    private static String answer(ResponseFormat format) {
        List<ChatMessage> prompt = List.of(ChatMessage.system("Use <tool_call> or a JSON \"action\": request_info."),
                ChatMessage.user("Solve the task."));
        return new FixedScriptPolicy().chat(new ChatRequest(prompt, Sampling.defaults(), List.of(), false, format))
                .content();
    }

    @Test
    void eachDeclaredFormatGetsItsShape() {
        assertTrue(answer(ResponseFormat.REACT).startsWith("<think>"));
        assertTrue(answer(ResponseFormat.REACT).contains("<tool_call>\npython\n<code>"));
        assertTrue(answer(ResponseFormat.JSON_ACTION).startsWith("{\"action\": \"execute_code\""));
        assertTrue(answer(ResponseFormat.PLAN_AND_CODE).contains("\n\n```python\n"));
        assertTrue(answer(ResponseFormat.FREE_TEXT).contains("\n\n```python\n"));
    }
}
