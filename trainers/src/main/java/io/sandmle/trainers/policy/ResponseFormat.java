package io.sandmle.trainers.policy;

import io.sandmle.api.ChatMessage;

import java.util.List;

/** The scaffold's response format, detected from the prompt by the markers of contract 6. */
public enum ResponseFormat {
    /** SandMLE ReAct: {@code <think>}, one {@code <tool_call>}, {@code <answer>}. */
    REACT,
    /** AIDE / AIRA: a short plan, then one fenced python block. */
    AIDE,
    /** MLE-Dojo MLE-Agent: one JSON {@code {"action":..., "params":{...}}}. */
    MLE_AGENT;

    /** Reads the system and first user message: {@code <tool_call>} → ReAct, request_info actions → MLE-Agent, else AIDE. */
    public static ResponseFormat detect(List<ChatMessage> messages) {
        StringBuilder head = new StringBuilder();
        int users = 0;
        for (ChatMessage m : messages) {
            if ("system".equals(m.role())) {
                head.append(m.content()).append('\n');
            } else if ("user".equals(m.role()) && users++ == 0) {
                head.append(m.content()).append('\n');
            }
        }
        String text = head.toString();
        if (text.contains("<tool_call>")) {
            return REACT;
        }
        if (text.contains("\"action\"") && text.contains("request_info")) {
            return MLE_AGENT;
        }
        return AIDE;
    }
}
