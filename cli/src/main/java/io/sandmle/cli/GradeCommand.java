package io.sandmle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sandmle.api.Grade;
import io.sandmle.api.GradeReport;
import io.sandmle.api.GradingSummary;
import io.sandmle.api.Task;
import io.sandmle.support.ControlCharacters;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sandmle grade}: grades a batch like {@code mlebench grade}. Each JSONL line names a
 * {@code competition_id} and a {@code submission_path}; lines starting with {@code #} or {@code //}
 * are skipped. A bad line or a bad submission becomes an invalid report with its reason; the batch
 * always finishes. Writes {@code <timestamp>_grading_report.json} (the summary with every report)
 * and {@code <timestamp>_reports.jsonl} (one report per line) to the output dir.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade a batch of submissions listed in a JSONL file and write MLE-bench-style reports.")
public final class GradeCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss-'UTC'");

    @Option(names = "--submissions", required = true, paramLabel = "<jsonl>",
            description = "Lines of {\"competition_id\": ..., \"submission_path\": ...}.")
    Path submissions;

    @Option(names = "--output-dir", required = true, paramLabel = "<dir>", description = "Where the reports are written.")
    Path outputDir;

    @Mixin
    GradingOptions grading;

    @Mixin
    PluginPathOption pluginPath;

    /** One parsed line: what to grade, or why the line cannot be used. */
    private record Entry(String competitionId, String submissionPath, String problem) {
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(submissions)) {
            throw new IllegalArgumentException("The submissions file " + submissions + " does not exist.");
        }
        List<Entry> entries = parse(Files.readAllLines(submissions, StandardCharsets.UTF_8));
        Set<String> ids = new LinkedHashSet<>();
        entries.forEach(e -> ids.add(e.competitionId()));
        grading.load(pluginPath.load(), ids);
        Files.createDirectories(outputDir);
        String stamp = LocalDateTime.now(java.time.ZoneOffset.UTC).format(STAMP);
        List<GradeReport> reports = new ArrayList<>();
        try (BufferedWriter lines = Files.newBufferedWriter(outputDir.resolve(stamp + "_reports.jsonl"))) {
            for (Entry e : entries) {
                GradeReport r = GradeReport.of(grade(e), e.submissionPath());
                reports.add(r);
                lines.write(GradingOptions.JSON.writer().without(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(r));
                lines.newLine();
                lines.flush();
                System.err.printf("graded %d/%d %s: %s%n", reports.size(), entries.size(),
                        ControlCharacters.escape(e.competitionId()),
                        ControlCharacters.escape(r.validSubmission() ? "score " + r.score() : r.reason()));
            }
        }
        GradingSummary summary = GradingSummary.of(reports);
        Path out = outputDir.resolve(stamp + "_grading_report.json");
        Files.writeString(out, GradingOptions.JSON.writeValueAsString(summary));
        System.out.printf("%d runs, %d with submissions, %d valid, %d medals (%d gold, %d silver, %d bronze), %d above"
                        + " median; report: %s%n", summary.totalRuns(), summary.totalRunsWithSubmissions(),
                summary.totalValidSubmissions(), summary.totalMedals(), summary.totalGoldMedals(),
                summary.totalSilverMedals(), summary.totalBronzeMedals(), summary.totalAboveMedian(), out);
        return SandmleCommand.OK;
    }

    private static List<Entry> parse(List<String> lines) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("//")) {
                continue;
            }
            try {
                JsonNode n = GradingOptions.JSON.readTree(line);
                String id = n.path("competition_id").asText("");
                String path = n.path("submission_path").asText("");
                out.add(id.isEmpty() || path.isEmpty()
                        ? new Entry(id, path, "Line " + (i + 1) + " needs both competition_id and submission_path.")
                        : new Entry(id, path, null));
            } catch (Exception ex) {
                out.add(new Entry("", "", "Line " + (i + 1) + " of the submissions file is not valid JSON."));
            }
        }
        return out;
    }

    private Grade grade(Entry e) {
        Task task = e.problem() == null ? grading.task(e.competitionId()) : null;
        if (task == null) {
            String reason = e.problem() != null ? e.problem()
                    : "'" + e.competitionId() + "' is not a competition of --format " + grading.format
                            + " with data in the data dir.";
            return Grade.invalid(e.competitionId(), false, reason, null, false);
        }
        try {
            return grading.grader(task).grade(task, Path.of(e.submissionPath()));
        } catch (RuntimeException ex) {
            return Grade.invalid(task.id(), true, "Grading failed: " + ex.getMessage(), task.thresholds(),
                    task.lowerIsBetter());
        }
    }
}
