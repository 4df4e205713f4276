package io.sandmle.scaffolds.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class RepliesTest {

    @Test
    void reasoningIsDroppedUpToTheLastCloseTag() {
        assertEquals(" answer", Replies.withoutThinking("<think>a</think>b</think> answer"));
        assertEquals("plain", Replies.withoutThinking("plain"));
    }

    @Test
    void fencedBlocksByLanguage() {
        String text = "plan\n```python\nx = 1\n```\n```json\n{}\n```\n```\ny = 2\n```";
        assertEquals(List.of("x = 1", "y = 2"), Replies.fencedBlocks(text, "python"));
        assertEquals("plan", Replies.textBeforeFirstFence(text));
        assertEquals("", Replies.textBeforeFirstFence("no fence"));
        assertEquals("{\"a\": {}}", Replies.outermostBraces("say {\"a\": {}} ok"));
        assertNull(Replies.outermostBraces("none"));
    }

    @Test
    void dataPathFromAnMleDojoStyleAnswer() {
        assertEquals("/data", TaskBrief.dataPath("=== Competition Info ===\nYour requested information: "
                + "{\"data_path\": \"/data\"}"));
        assertEquals("./input", TaskBrief.dataPath(" ./input \n"));
    }
}
