package io.sandmle.trainers.policy;

import io.sandmle.api.Modality;
import io.sandmle.api.ResponseFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the embedded policy read from a chat request: the task, where its data is, and how the
 * episode stands. Everything here is a pure function of the messages and the declared response
 * format, so GRPO can rebuild it from {@code Turn.prompt} and {@code Turn.responseFormat}.
 *
 * @param format         the format the policy answers in: the request's, with free text answered as a plan and code
 * @param taskId         the competition id when the prompt names one, else {@code "task"}
 * @param dataDir        where the public data is, or {@code null} when the prompt does not say
 * @param files          the file names the prompt lists
 * @param metric         the metric's registry name, or {@code null}
 * @param taskType       {@code binary}, {@code multiclass}, {@code multilabel}, {@code ranking}, {@code regression} or
 *                       {@code unknown}
 * @param modality       the input modality
 * @param rows           labelled training rows when the prompt states them, else 0
 * @param keywords       data traits the description mentions ({@code missing}, {@code categorical} …)
 * @param phase          where the episode stands
 * @param error          the last failure's cause, {@link ErrorKind#NONE} when the last step did not fail
 * @param feedback       what the last graded submission earned
 * @param previousRecipe the recipe of the policy's last code, empty when none
 * @param turn           assistant messages so far
 */
public record PromptView(ResponseFormat format, String taskId, String dataDir, List<String> files, String metric,
                         String taskType, Modality modality, int rows, Set<String> keywords, Phase phase,
                         ErrorKind error, ScoreFeedback feedback, Map<Head, String> previousRecipe, int turn) {

    /**
     * Data traits the reader looks for in the description, each with the words that announce it. Generated
     * descriptions state the first three when they hold (empty cells, a categorical column, a free-text column);
     * the others only fire on hand-written (MLE-bench) descriptions.
     */
    public static final Map<String, List<String>> KEYWORDS = orderedKeywords();

    public PromptView {
        files = List.copyOf(files);
        keywords = Set.copyOf(keywords);
        previousRecipe = Map.copyOf(previousRecipe);
    }

    private static Map<String, List<String>> orderedKeywords() {
        Map<String, List<String>> k = new LinkedHashMap<>();
        k.put("missing", List.of("missing", "cells are empty", "empty cells"));
        k.put("categorical", List.of("categorical"));
        k.put("text", List.of("text"));
        k.put("nonlinear", List.of("nonlinear"));
        k.put("noisy", List.of("noisy"));
        k.put("imbalanced", List.of("imbalanced"));
        k.put("linear", List.of("linear"));
        return Collections.unmodifiableMap(k);
    }

    public boolean regression() {
        return "regression".equals(taskType);
    }
}
