package io.sandmle.environments.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What must never reach an agent, kept in {@code reference/secrets.json}: the words that would name the hidden
 * rule's inputs and the rule's coefficients. The Technical Writer's output is checked against them.
 *
 * @param ruleTerms    informative column names, cue words …
 * @param coefficients the rule's effective weights and term strengths, as the writer might print them
 * @param mutations    the mutations applied
 * @param ruleFamily   the hidden rule's shape ({@link RuleFamily}), so a study can group tasks by it
 */
record Secrets(List<String> ruleTerms, List<String> coefficients, List<String> mutations, String ruleFamily) {

    static Secrets of(TaskSpec spec, List<String> ruleTerms) {
        List<String> coefficients = new ArrayList<>();
        HiddenRule rule = spec.rule();
        for (int o = 0; o < rule.outputs(); o++) {
            for (double w : rule.weights()[o]) {
                coefficients.add(String.format(Locale.ROOT, "%.2f", rule.scale()[o] * w));
            }
            for (double t : rule.termSigns()[o]) {
                coefficients.add(String.format(Locale.ROOT, "%.2f", rule.scale()[o] * t));
            }
        }
        return new Secrets(List.copyOf(ruleTerms), coefficients, spec.mutations().names(), rule.family().label());
    }
}
