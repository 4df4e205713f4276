package io.sandmle.environments.generator;

import io.sandmle.api.TaskDna;
import java.util.List;
import java.util.Set;

/**
 * Maps a seed's task type and metric onto a micro-scale target in the new domain. Class counts are capped
 * (3–5 classes, 2–4 labels) because 50–200 training rows cannot support 120 classes; the metric is kept
 * whenever the harness has it for that target shape.
 */
final class TargetDesign {

    private static final Set<String> LOWER_IS_BETTER = Set.of("rmse", "rmsle", "mae", "mse", "mcrmse", "log-loss");
    private static final Set<String> SINGLE_REGRESSION = Set.of("rmse", "rmsle", "mae", "mse", "r2");

    private TargetDesign() {
    }

    static TargetSchema design(TaskDna dna, Domain domain, SeededRandom random) {
        String id = domain.entity() + "_id";
        String labelColumn = domain.entity() + "_class";
        String metric = dna.metric();
        return switch (dna.taskType()) {
            case "binary" -> binary(metric, id, domain);
            case "multiclass" -> multiclass(metric, id, labelColumn, classes(domain, dna.classes(), 3, 5));
            case "multilabel" -> {
                List<String> labels = classes(domain, dna.classes(), 2, 4).stream().map(c -> "is_" + c).toList();
                yield schema("multilabel", "roc-auc", TargetKind.PROBABILITY, id, labels, labels, List.of(), false);
            }
            case "ranking" -> {
                List<String> names = classes(domain, dna.classes() == 0 ? 5 : dna.classes(), 4, 6);
                yield schema("ranking", "map-at-3", TargetKind.RANKED_LABELS, id, List.of(labelColumn),
                        List.of(labelColumn), names, false);
            }
            case "seq2seq" -> {
                List<String> forms = classes(domain, dna.classes(), 3, 5).stream().map(c -> c.toUpperCase()).toList();
                String col = "canonical_form";
                yield schema("seq2seq", "accuracy", TargetKind.LABEL, id, List.of(col), List.of(col), forms, false);
            }
            default -> regression(dna, metric, id, domain, random);
        };
    }

    private static TargetSchema binary(String metric, String id, Domain domain) {
        List<String> col = List.of(domain.positiveLabel());
        return switch (metric) {
            case "log-loss" -> schema("binary", "log-loss", TargetKind.PROBABILITY, id, col, col, List.of(), false);
            case "accuracy", "f1-macro" -> schema("binary", metric, TargetKind.LABEL, id, col, col,
                    List.of("0", "1"), false);
            default -> schema("binary", "roc-auc", TargetKind.PROBABILITY, id, col, col, List.of(), false);
        };
    }

    private static TargetSchema multiclass(String metric, String id, String labelColumn, List<String> names) {
        return switch (metric) {
            case "log-loss", "roc-auc" -> schema("multiclass", metric, TargetKind.CLASS_PROBABILITIES, id,
                    List.of(labelColumn), names, names, false);
            case "qwk" -> {
                List<String> grades = java.util.stream.IntStream.range(0, names.size()).mapToObj(Integer::toString)
                        .toList();
                String col = labelColumn.replace("_class", "_grade");
                yield schema("multiclass", "qwk", TargetKind.LABEL, id, List.of(col), List.of(col), grades, true);
            }
            case "f1-macro" -> schema("multiclass", "f1-macro", TargetKind.LABEL, id, List.of(labelColumn),
                    List.of(labelColumn), names, false);
            default -> schema("multiclass", "accuracy", TargetKind.LABEL, id, List.of(labelColumn),
                    List.of(labelColumn), names, false);
        };
    }

    private static TargetSchema regression(TaskDna dna, String metric, String id, Domain domain,
                                           SeededRandom random) {
        long named = dna.targetColumns().stream().filter(c -> !c.startsWith("<")).count();
        int outputs = (int) Math.max(1, Math.min(3, named));
        String type = dna.taskType().equals("forecasting") ? "forecasting" : "regression";
        String chosen;
        if (outputs > 1 && (metric.equals("mcrmse") || metric.equals("rmsle"))) {
            chosen = metric;
        } else {
            outputs = 1;
            chosen = SINGLE_REGRESSION.contains(metric) ? metric : "rmse";
        }
        int first = random.nextInt(domain.regressionTargets().size());
        List<String> cols = java.util.stream.IntStream.range(0, outputs)
                .mapToObj(i -> domain.regressionTargets().get((first + i) % domain.regressionTargets().size()))
                .toList();
        return schema(type, chosen, TargetKind.NUMBER, id, cols, cols, List.of(), false);
    }

    private static List<String> classes(Domain domain, int seedClasses, int min, int max) {
        int k = Math.max(min, Math.min(max, seedClasses));
        return domain.classNames().subList(0, k);
    }

    private static TargetSchema schema(String type, String metric, TargetKind kind, String id, List<String> train,
                                       List<String> submission, List<String> classes, boolean ordinal) {
        return new TargetSchema(type, metric, LOWER_IS_BETTER.contains(metric), kind, id, train, submission,
                classes, ordinal);
    }
}
