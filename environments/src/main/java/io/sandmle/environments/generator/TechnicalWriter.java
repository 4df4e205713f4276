package io.sandmle.environments.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Role 4 of the SandMLE pipeline: {@code description.md} told in the new domain, matching the grader (metric,
 * direction, submission columns, files) and leaking nothing of the hidden rule: feature columns are described
 * by count and type, never by which of them matter, and no coefficient is printed.
 */
final class TechnicalWriter {

    private static final Map<String, String> METRIC_TEXT = Map.ofEntries(
            Map.entry("roc-auc", "area under the ROC curve (averaged over the target columns when there are several); higher is better"),
            Map.entry("log-loss", "log loss of the predicted probabilities (rows are normalised to sum to one); lower is better"),
            Map.entry("accuracy", "accuracy: the share of rows whose predicted label equals the true one; higher is better"),
            Map.entry("f1-macro", "macro-averaged F1 over the labels; higher is better"),
            Map.entry("qwk", "quadratic weighted kappa between predicted and true grades; higher is better"),
            Map.entry("rmse", "root mean squared error; lower is better"),
            Map.entry("mcrmse", "mean over the target columns of each column's root mean squared error; lower is better"),
            Map.entry("mse", "mean squared error; lower is better"),
            Map.entry("rmsle", "root mean squared logarithmic error (averaged over the target columns when there are several); lower is better"),
            Map.entry("mae", "mean absolute error; lower is better"),
            Map.entry("r2", "coefficient of determination R²; higher is better"),
            Map.entry("map-at-3", "mean average precision at 3: list up to three labels, best first; higher is better"));

    void write(TaskSpec spec, String title, TaskFolder folder) throws IOException {
        TargetSchema t = spec.target();
        Domain d = spec.domain();
        Path pub = folder.publicDir();
        List<String> trainHeader = List.of(CsvFile.read(pub.resolve("train.csv")).get(0));
        int featureColumns = trainHeader.size() - 1 - t.trainColumns().size();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        md.append("## Overview\n\n");
        md.append(String.format(Locale.ROOT, "A %s team keeps records of each %s and wants to %s. ", d.name(),
                d.entity(), goal(t, d)));
        md.append("You get ").append(spec.trainRows()).append(" labelled ").append(plural(d.entity()))
                .append(" to learn from and ").append(spec.testRows())
                .append(" unlabelled ones to predict. The data are small, so careful validation matters more than model size.\n\n");
        md.append("## Files\n\n");
        md.append("- `train.csv`: one row per ").append(d.entity()).append(": the id column `").append(t.idColumn())
                .append("`, ").append(featureColumns).append(" input column(s) (").append(inputKinds(spec))
                .append("), and the target column(s) ").append(code(t.trainColumns())).append(".\n");
        md.append("- `test.csv`: the same input columns without the target.\n");
        if (hasEmptyCell(pub.resolve("train.csv")) || hasEmptyCell(pub.resolve("test.csv"))) {
            md.append("- Some input cells of `train.csv` and `test.csv` are empty (missing values).\n");
        }
        for (String file : sideFiles(spec)) {
            md.append("- ").append(file).append("\n");
        }
        md.append("- `sample_submission.csv`: a valid submission in the expected format.\n\n");
        md.append("## Evaluation\n\n");
        md.append("Submissions are scored with ").append(METRIC_TEXT.getOrDefault(t.metric(), t.metric()))
                .append(".\n\n");
        md.append("## Submission format\n\n");
        md.append("Write `submission.csv` with one row per id of `test.csv` and the columns ")
                .append(code(t.submissionHeader())).append(". ").append(cellRule(t)).append(" For example:\n\n```\n");
        List<String> sample = Files.readAllLines(pub.resolve("sample_submission.csv"));
        sample.subList(0, Math.min(3, sample.size())).forEach(l -> md.append(l).append('\n'));
        md.append("```\n");
        Files.writeString(pub.resolve("description.md"), md.toString());
    }

    /** Said only when true: the description tells what the files hold, not what the mutation may have done. */
    private static boolean hasEmptyCell(Path csv) throws IOException {
        return CsvFile.read(csv).stream().skip(1).flatMap(Arrays::stream).anyMatch(String::isEmpty);
    }

    private static String goal(TargetSchema t, Domain d) {
        return switch (t.kind()) {
            case PROBABILITY -> t.submissionColumns().size() == 1
                    ? "estimate the probability that a " + d.entity() + " is " + readable(t.submissionColumns().get(0))
                    : "estimate, for each of several flags, the probability that it applies to a " + d.entity();
            case CLASS_PROBABILITIES -> "estimate how likely each " + d.entity() + " belongs to each of "
                    + t.classNames().size() + " categories";
            case LABEL -> t.ordinal() ? "grade each " + d.entity() + " on an ordered scale from 0 to "
                    + (t.classNames().size() - 1)
                    : t.classNames().equals(List.of("0", "1")) ? "decide whether each " + d.entity() + " is "
                    + readable(t.trainColumns().get(0)) + " (1) or not (0)"
                    : "assign each " + d.entity() + " its " + readable(t.trainColumns().get(0));
            case RANKED_LABELS -> "rank the three most likely categories of each " + d.entity();
            case NUMBER -> "predict " + readable(String.join(" and ", t.submissionColumns())) + " for each " + d.entity();
        };
    }

    private static String cellRule(TargetSchema t) {
        return switch (t.kind()) {
            case PROBABILITY -> "Each target cell is a probability between 0 and 1.";
            case CLASS_PROBABILITIES -> "Each row holds one probability per category; rows should sum to one.";
            case LABEL -> "Each target cell is one of: " + String.join(", ", t.classNames()) + ".";
            case RANKED_LABELS -> "Each target cell lists three of " + String.join(", ", t.classNames())
                    + ", separated by spaces, most likely first.";
            case NUMBER -> "Each target cell is a number.";
        };
    }

    private static String inputKinds(TaskSpec spec) {
        return switch (spec.modality()) {
            case TABULAR -> "numeric and categorical measurements";
            case TEXT -> "a free-text note in `text`";
            case IMAGE -> "`image_path`, the relative path of the " + spec.domain().imageSubject();
            case AUDIO -> "`audio_path`, the relative path of the " + spec.domain().audioSource();
            case TIME_SERIES -> "none besides the id: the " + spec.domain().seriesName() + " is in `series.csv`";
            case GRAPH -> "none besides the id: the " + spec.domain().graphName() + " is in `nodes.csv` and `edges.csv`";
            case MULTIMODAL -> "tabular measurements plus " + (spec.dna().inputStructure().containsKey("image_size")
                    ? "`image_path`, the relative path of an image" : "a free-text note in `text`");
        };
    }

    private static List<String> sideFiles(TaskSpec spec) {
        String id = spec.target().idColumn();
        boolean image = spec.modality() == io.sandmle.api.Modality.IMAGE
                || spec.modality() == io.sandmle.api.Modality.MULTIMODAL && spec.dna().inputStructure().containsKey("image_size");
        return switch (spec.modality()) {
            case AUDIO -> List.of("`audio/<" + id + ">.wav`: 16-bit mono WAV, " + AudioRenderer.RATE + " Hz, "
                    + AudioRenderer.SAMPLES + " samples, one per row of train.csv and test.csv.");
            case TIME_SERIES -> List.of("`series.csv`: long format (`" + id + "`, `t`, `value`), "
                    + TimeSeriesRenderer.LENGTH + " time steps per id.");
            case GRAPH -> List.of("`nodes.csv`: (`" + id + "`, `node`, `attr`), one graph per id.",
                    "`edges.csv`: (`" + id + "`, `src`, `dst`), undirected edges of each graph.");
            default -> image ? List.of("`images/<" + id + ">.png`: " + ImageRenderer.SIZE + "x" + ImageRenderer.SIZE
                    + " PNG images, one per row of train.csv and test.csv.") : List.of();
        };
    }

    private static String code(List<String> names) {
        return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
    }

    private static String readable(String column) {
        return column.replace('_', ' ');
    }

    private static String plural(String noun) {
        return noun.endsWith("s") || noun.endsWith("ch") ? noun + "es" : noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies"
                : noun + "s";
    }
}
