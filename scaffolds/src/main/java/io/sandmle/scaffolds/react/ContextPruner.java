package io.sandmle.scaffolds.react;

import io.sandmle.api.ChatMessage;
import io.sandmle.scaffolds.support.Replies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SandMLE's context management (sandmle.md §3.6): over the token budget, first drop every
 * tool-call/tool-response pair whose response mentions an error; if that drops nothing, keep only the
 * system and first user messages plus the last two.
 */
final class ContextPruner {

    private ContextPruner() {
    }

    /** Prunes {@code messages} in place; returns a note saying what was dropped, or {@code null}. */
    static String prune(List<ChatMessage> messages, long tokenBudget) {
        if (tokens(messages) <= tokenBudget) {
            return null;
        }
        List<ChatMessage> kept = new ArrayList<>(messages.subList(0, Math.min(2, messages.size())));
        int dropped = 0;
        for (int i = 2; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            ChatMessage next = i + 1 < messages.size() ? messages.get(i + 1) : null;
            if (isToolCall(m) && next != null && isErrorResponse(next)) {
                dropped++;
                i++;
                continue;
            }
            kept.add(m);
        }
        if (dropped > 0) {
            messages.clear();
            messages.addAll(kept);
            return "context over " + tokenBudget + " tokens: dropped " + dropped + " failed tool call(s)";
        }
        if (messages.size() > 4) {
            List<ChatMessage> tail = List.copyOf(messages.subList(messages.size() - 2, messages.size()));
            List<ChatMessage> head = List.copyOf(messages.subList(0, 2));
            messages.clear();
            messages.addAll(head);
            messages.addAll(tail);
            return "context over " + tokenBudget + " tokens: kept the first two and last two messages";
        }
        return null;
    }

    static long tokens(List<ChatMessage> messages) {
        long n = 0;
        for (ChatMessage m : messages) {
            n += Replies.estimateTokens(m.content());
        }
        return n;
    }

    private static boolean isToolCall(ChatMessage m) {
        return m.role().equals("assistant") && m.content().contains("<tool_call>");
    }

    private static boolean isErrorResponse(ChatMessage m) {
        return m.role().equals("user") && m.content().contains("<tool_response>")
                && m.content().toLowerCase(Locale.ROOT).contains("error");
    }
}
