package io.sandmle.environments.generator;

import io.sandmle.api.Task;
import io.sandmle.api.Thresholds;
import io.sandmle.api.codec.TaskJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Role 3 of the SandMLE pipeline: the task's grader settings. Writes task.json (docs/CONTRACTS.md §1: metric, direction,
 * thresholds calibrated from the ladder, provenance) for the {@code synthetic} suite's grader and, on request,
 * a SandMLE-compatible {@code evaluator.py}.
 */
final class MlOpsEngineer {

    static final String GENERATOR_VERSION = "1";

    /** Writes task.json and returns the task it describes. */
    Task writeTask(TaskSpec spec, TaskFolder folder, Thresholds thresholds, Map<String, Double> scores,
                   String generator) throws IOException {
        TargetSchema t = spec.target();
        Map<String, String> attributes = new TreeMap<>();
        attributes.put("seed_id", spec.dna().seedId());
        attributes.put("domain", spec.domain().name());
        attributes.put("seed", Long.toString(spec.origin().requestSeed()));
        attributes.put("index", Integer.toString(spec.origin().index()));
        attributes.put("generator", generator);
        attributes.put("generator_version", GENERATOR_VERSION);
        attributes.put("scale", spec.scale().name().toLowerCase(Locale.ROOT));
        attributes.put("train_rows", Integer.toString(spec.trainRows()));
        attributes.put("test_rows", Integer.toString(spec.testRows()));
        attributes.put("mutations", String.join(",", spec.mutations().names()));
        attributes.put("dna_task_type", spec.dna().taskType());
        attributes.put("dna_metric", spec.dna().metric());
        attributes.put("id_column", t.idColumn());
        // The strongest reference as a standalone script, for benchmarks that time "the same solution".
        attributes.put("reference_solution",
                "reference/solution_" + Calibration.bestRung(scores, t.lowerIsBetter()).replace('-', '_') + ".py");
        attributes.put("target_columns", String.join(",", t.submissionColumns()));
        attributes.put("train_target_columns", String.join(",", t.trainColumns()));
        scores.forEach((rung, s) -> attributes.put("reference_score." + rung,
                String.format(Locale.ROOT, "%.6f", s)));
        attributes.put("content_sha256", contentHash(folder));
        Task task = new Task(Task.SCHEMA_VERSION, spec.taskId(), title(spec), t.metric(), t.lowerIsBetter(),
                thresholds, spec.modality(), t.taskType(), spec.dna().seedId(), attributes, folder.root());
        TaskJson.write(folder.root(), task);
        return task;
    }

    /** A SandMLE-style {@code evaluator.py} beside the public files (it reads answers from ../private/). */
    void writeEvaluator(String metric, boolean lowerIsBetter, Thresholds th, TaskFolder folder) throws IOException {
        Files.writeString(folder.publicDir().resolve("evaluator.py"), evaluatorSource(metric, lowerIsBetter, th));
    }

    /** The evaluator's Python source for a metric, direction and thresholds. */
    static String evaluatorSource(String metric, boolean lowerIsBetter, Thresholds th) throws IOException {
        String template;
        try (InputStream in = MlOpsEngineer.class.getResourceAsStream("evaluator.py")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String code = template.replace("__METRIC__", metric)
                .replace("__LOWER__", lowerIsBetter ? "True" : "False")
                .replace("__GOLD__", Double.toString(th.gold())).replace("__SILVER__", Double.toString(th.silver()))
                .replace("__BRONZE__", Double.toString(th.bronze())).replace("__MEDIAN__", Double.toString(th.median()));
        return code;
    }

    static String title(TaskSpec spec) {
        String what = String.join(", ", spec.target().submissionColumns().size() > 3
                ? spec.target().submissionColumns().subList(0, 3) : spec.target().submissionColumns());
        return capitalize(spec.domain().name()) + ": predict " + what + " for each " + spec.domain().entity();
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** SHA-256 over every file under prepared/, in path order, so a re-generated task can be compared. */
    static String contentHash(TaskFolder folder) throws IOException {
        try (Stream<java.nio.file.Path> files = Files.walk(folder.root().resolve("prepared"))) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<java.nio.file.Path> sorted = files.filter(Files::isRegularFile).sorted().toList();
            for (java.nio.file.Path p : sorted) {
                digest.update(folder.root().relativize(p).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(p));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
