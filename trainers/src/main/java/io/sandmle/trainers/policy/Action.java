package io.sandmle.trainers.policy;

/**
 * What the policy decided to do this turn.
 *
 * @param kind   run code, grade, ask for the data path, or end
 * @param recipe the recipe to render when {@code kind == CODE}, else {@code null}
 * @param plan   one or two sentences saying why, shown as the plan / thought
 */
public record Action(Kind kind, Recipe recipe, String plan) {

    public enum Kind { CODE, SCORE, REQUEST_DATA_PATH, ANSWER }
}
