package io.sandmle.environments.generator;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.api.TaskDna;
import io.sandmle.api.Thresholds;
import io.sandmle.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The system prompts and task messages of the four LLM roles, and the parsing of the strategist's answer. */
final class Prompts {

    static final String DATA_STRATEGIST = """
            You are the Data Strategist of SandMLE, a pipeline that turns a real Kaggle competition into small
            synthetic machine-learning tasks. You receive the competition's task DNA. Move the task into a new
            application domain and choose adversarial mutations that keep what makes the original hard.
            Answer with one ```json block of this shape:
            {"domain": "<one of the listed domains>", "train_rows": <50..200>,
             "mutations": {"noise": <0.1..0.8>, "missing_rate": <0..0.2>, "outlier_rate": <0..0.1>,
                           "positive_rate": <0.1..0.5>, "distractors": <0..8>, "shift": <0..1>}}""";

    static final String ML_DEVELOPER = """
            You are the ML Developer of SandMLE. The data of a small synthetic task are ready. Write ONE Python
            script (pandas, numpy, scikit-learn only; /usr/bin/python3) that trains a ladder of progressively
            stronger reference solutions and two controls, and writes each one's predictions for test.csv in the
            current directory with exactly the columns of sample_submission.csv:
            ladder_prior.csv (class frequencies or the mean), ladder_one-feature.csv (a model on the single most
            useful feature), then for each model family F of linear (tuned by cross-validation), interactions (the
            linear model plus pairwise products of the strongest features), forest (a random forest), boosting
            (gradient-boosted shallow trees) and neighbours (k nearest neighbours, k tuned): ladder_F.csv; and two
            controls,
            ladder_leak-probe.csv (a model that sees only row position, id and file sizes) and
            ladder_shuffled-control.csv (the interactions model trained on shuffled
            labels). The public files are in the folder named by the environment variable SANDMLE_DATA_DIR
            (default /data). Answer with one ```python block.""";

    static final String MLOPS_ENGINEER = """
            You are the MLOps Engineer of SandMLE. Write evaluator.py, SandMLE's evaluator interface: run as
            `python evaluator.py --submission_path <csv>` with the working directory set to the task's public
            folder, read the hidden answers from ../private/answers.csv, align rows by the id column (the first
            column), compute the metric, exit non-zero with a message for an invalid submission, and print ONE
            JSON object with keys score, is_lower_better, gold_threshold, silver_threshold, bronze_threshold,
            median_threshold. Answer with one ```python block.""";

    static final String TECHNICAL_WRITER = """
            You are the Technical Writer of SandMLE. Write description.md for a small synthetic task, told in its
            application domain: an overview, the files, the evaluation metric and its direction, and the exact
            submission format. Never say which input columns matter or how the label is computed: describe
            columns by count and type only. Answer with one ```markdown block.""";

    private Prompts() {
    }

    static String strategistTask(TaskDna dna) {
        try {
            return "Task DNA:\n```json\n" + Json.STABLE.writeValueAsString(dna) + "\n```\nDomains: "
                    + Domain.all().stream().map(Domain::name).collect(Collectors.joining(", "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates the strategist's JSON; every problem is one sentence the model can act on. */
    static DataStrategist.Proposal parseProposal(JsonNode json) {
        String name = json.path("domain").asText("");
        Domain domain = Domain.all().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("domain '" + name + "' is not one of the listed domains"));
        int rows = json.path("train_rows").asInt(-1);
        if (rows < 50 || rows > 200) {
            throw new IllegalArgumentException("train_rows must be between 50 and 200, not " + rows);
        }
        JsonNode m = json.path("mutations");
        Mutations mutations = new Mutations(range(m, "noise", 0.1, 0.8), range(m, "missing_rate", 0, 0.2),
                range(m, "outlier_rate", 0, 0.1), range(m, "positive_rate", 0.1, 0.5),
                (int) range(m, "distractors", 0, 8), range(m, "shift", 0, 1));
        return new DataStrategist.Proposal(domain, mutations, rows);
    }

    private static double range(JsonNode m, String key, double lo, double hi) {
        if (!m.has(key) || !m.get(key).isNumber()) {
            throw new IllegalArgumentException("mutations." + key + " must be a number");
        }
        double v = m.get(key).asDouble();
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "mutations.%s must be within %s..%s, not %s",
                    key, lo, hi, v));
        }
        return v;
    }

    static String developerTask(TaskSpec spec, TaskFolder folder) throws IOException {
        return "Public files: " + LlmGenerator.listing(folder.publicDir()) + "\n\ntrain.csv starts:\n```\n"
                + LlmGenerator.head(folder.publicDir().resolve("train.csv"), 3) + "\n```\nsample_submission.csv starts:\n```\n"
                + LlmGenerator.head(folder.publicDir().resolve("sample_submission.csv"), 3)
                + "\n```\nTask contract (columns, classes, target kind, metric):\n```json\n"
                + ReferenceLadder.contract(spec.target()) + "\n```";
    }

    static String writerTask(TaskSpec spec, TaskFolder folder, Thresholds thresholds) throws IOException {
        return "Domain: " + spec.domain().name() + " (one row per " + spec.domain().entity() + ")\nTitle: "
                + MlOpsEngineer.title(spec) + "\nMetric: " + spec.target().metric() + (spec.target().lowerIsBetter()
                ? " (lower is better)" : " (higher is better)") + "\nTraining rows: " + spec.trainRows()
                + ", test rows: " + spec.testRows() + "\nPublic files: " + LlmGenerator.listing(folder.publicDir())
                + "\ntrain.csv header: " + LlmGenerator.head(folder.publicDir().resolve("train.csv"), 1)
                + "\nsample_submission.csv starts:\n```\n"
                + LlmGenerator.head(folder.publicDir().resolve("sample_submission.csv"), 3) + "\n```";
    }

    static String mlopsTask(TaskSpec spec, TaskAssembly.Calibrated calibrated) {
        Map<String, Object> facts = new TreeMap<>();
        facts.put("metric", spec.target().metric());
        facts.put("lower_is_better", spec.target().lowerIsBetter());
        Thresholds th = calibrated.thresholds();
        facts.put("thresholds", Map.of("gold", th.gold(), "silver", th.silver(), "bronze", th.bronze(),
                "median", th.median()));
        facts.put("submission_columns", spec.target().submissionHeader());
        try {
            return "Grader settings:\n```json\n" + Json.STABLE.writeValueAsString(facts) + "\n```";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
