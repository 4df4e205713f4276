package io.sandmle.api;

import java.util.List;

/**
 * One model call and what the scaffold did with it.
 *
 * @param index          0-based turn number
 * @param prompt         the messages sent to the model for this call
 * @param responseFormat the format the request declared; {@code null} only in trajectories written before
 *                       requests carried one
 * @param response       the model's reply (or its failure)
 * @param action         the action parsed from the reply ({@code python}, {@code score}, {@code answer},
 *                       {@code draft}, {@code none} …)
 * @param step           the environment step taken, or {@code null}
 * @param note           why the turn ended as it did when that was not normal (unparsable reply …), else {@code null}
 * @param harnessMillis  time the harness itself spent on this turn (parsing, prompt building, recording)
 */
public record Turn(int index, List<ChatMessage> prompt, ResponseFormat responseFormat, ChatResponse response,
                   String action, StepRecord step, String note, long harnessMillis) {

    public Turn {
        prompt = List.copyOf(prompt);
    }
}
