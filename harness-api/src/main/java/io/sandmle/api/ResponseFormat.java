package io.sandmle.api;

/**
 * The shape a policy's reply must have for the scaffold to parse it. A {@link Scaffold} declares its format and
 * every {@link ChatRequest} it sends carries it, so a policy answers in that shape without reading the prompt
 * for clues. docs/CONTRACTS.md §4 describes each shape in full.
 */
public enum ResponseFormat {
    /** SandMLE's ReAct: {@code <think>…</think>}, then one {@code <tool_call>} (python code or a JSON Score call) or an {@code <answer>}. */
    REACT,
    /** A short plan in prose, then one fenced python block (AIDE, AIRA-greedy). */
    PLAN_AND_CODE,
    /** One JSON object {@code {"action": …, "params": {…}}} (MLE-Dojo's MLE-Agent). */
    JSON_ACTION,
    /** No fixed shape: the prompt itself says what it wants. */
    FREE_TEXT
}
