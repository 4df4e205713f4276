package io.sandmle.openai;

import io.sandmle.api.ChatMessage;
import io.sandmle.api.ResponseFormat;
import java.util.List;

/**
 * The response format of a request that reaches {@code sandmle serve} from outside the harness, where no scaffold
 * declared one: read from the markers each format's instructions carry (docs/CONTRACTS.md §4) in the system and
 * first user message. The harness's own requests always declare their format; this is the one place that guesses.
 */
final class ResponseFormatGuess {

    private ResponseFormatGuess() {
    }

    /** {@code <tool_call>} → ReAct; a JSON action with {@code request_info} → JSON action; otherwise free text. */
    static ResponseFormat of(List<ChatMessage> messages) {
        StringBuilder head = new StringBuilder();
        boolean firstUserSeen = false;
        for (ChatMessage m : messages) {
            boolean firstUser = "user".equals(m.role()) && !firstUserSeen;
            if ("system".equals(m.role()) || firstUser) {
                head.append(m.content()).append('\n');
            }
            firstUserSeen |= firstUser;
        }
        String text = head.toString();
        if (text.contains("<tool_call>")) {
            return ResponseFormat.REACT;
        }
        if (text.contains("\"action\"") && text.contains("request_info")) {
            return ResponseFormat.JSON_ACTION;
        }
        return ResponseFormat.FREE_TEXT;
    }
}
