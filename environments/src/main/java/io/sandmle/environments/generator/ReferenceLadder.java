package io.sandmle.environments.generator;

import io.sandmle.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ladder of reference solutions, as Python scripts built from one template: {@code prior} (class frequencies
 * or the mean: the trivial baseline), {@code one-feature} (a linear model on the single most correlated feature),
 * then one rung per model family: {@code linear} (a regularised linear model on every feature, regularisation tuned by cross-validation),
 * {@code interactions} (the same plus pairwise products of the strongest features), {@code forest} (a random
 * forest), {@code boosting} (gradient-boosted shallow trees) and {@code neighbours} (k nearest neighbours, k tuned).
 * The families span the shapes hidden rules take ({@link RuleFamily}), so medal thresholds set from the best of
 * them are not tied to one model family. Two controls run with them: {@code leak-probe} (a model that sees only
 * row order, id bits and file sizes) and {@code shuffled-control} (the interactions rung on shuffled labels).
 */
final class ReferenceLadder {

    /** The model families, a rung each. */
    static final List<String> FAMILIES = List.of("linear", "interactions", "forest", "boosting", "neighbours");
    /** The rungs: the two baselines, then every family. */
    static final List<String> RUNGS = rungs();
    /** The leak and chance controls run beside the rungs. */
    static final List<String> CONTROLS = List.of("leak-probe", "shuffled-control");
    private static final String TEMPLATE = load();

    private ReferenceLadder() {
    }

    /** One script that runs every rung and control in a single sandbox step, writing {@code ladder_<rung>.csv}. */
    static String verificationScript(TargetSchema target) {
        return verificationScript(contract(target));
    }

    /** The same, from the task contract JSON (what the LLM ML Developer is shown). */
    static String verificationScript(String contractJson) {
        List<String> all = new java.util.ArrayList<>(RUNGS);
        all.addAll(CONTROLS);
        return script(contractJson, all, "ladder_{rung}.csv");
    }

    /** A standalone solution for one rung, writing {@code submission.csv} as an agent would. */
    static String solution(TargetSchema target, String rung) {
        return script(contract(target), List.of(rung), "submission.csv");
    }

    /** The task facts a reference solution needs (columns, classes, target kind, metric) as one JSON line. */
    static String contract(TargetSchema target) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("id", target.idColumn());
        task.put("train_targets", target.trainColumns());
        task.put("sub_columns", target.submissionColumns());
        task.put("classes", target.classNames());
        task.put("kind", target.kind().name().toLowerCase(Locale.ROOT));
        task.put("metric", target.metric());
        try {
            return Json.STABLE.writeValueAsString(task);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> rungs() {
        List<String> rungs = new java.util.ArrayList<>(List.of("prior", "one-feature"));
        rungs.addAll(FAMILIES);
        return List.copyOf(rungs);
    }

    private static String script(String taskJson, List<String> rungs, String output) {
        String rungList = rungs.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(", ", "[", "]"));
        return TEMPLATE.replace("__TASK__", taskJson).replace("__RUNGS__", rungList).replace("__OUTPUT__", output);
    }

    private static String load() {
        try (InputStream in = ReferenceLadder.class.getResourceAsStream("reference_solution.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the reference-solution template is unreadable", e);
        }
    }
}
