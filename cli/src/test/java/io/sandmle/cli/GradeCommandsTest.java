package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.support.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sandmle grade-sample} and {@code sandmle grade} end to end, reaching the suites through plugins only. */
class GradeCommandsTest {

    private static final List<String> MLEBENCH_KEYS = List.of("competition_id", "score", "gold_threshold",
            "silver_threshold", "bronze_threshold", "median_threshold", "any_medal", "gold_medal", "silver_medal",
            "bronze_medal", "above_median", "submission_exists", "valid_submission", "is_lower_better", "created_at",
            "submission_path");

    @TempDir
    Path tmp;

    private Path data() throws Exception {
        Path priv = tmp.resolve("data/spooky-author-identification/prepared/private");
        Files.createDirectories(priv);
        Files.createDirectories(priv.resolveSibling("public"));
        Files.writeString(priv.resolve("test.csv"), "id,EAP,HPL,MWS\nx,1,0,0\ny,0,1,0\nz,0,0,1\n");
        return tmp.resolve("data");
    }

    private String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = SandmleCommand.newCommandLine().execute(args);
            assertEquals(0, code, "exit code of " + String.join(" ", args));
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void gradeSamplePrintsTheReportInMleBenchOrder() throws Exception {
        Path data = data();
        Path sub = Files.writeString(tmp.resolve("submission.csv"), "id,EAP,HPL,MWS\nx,0.9,0.05,0.05\ny,0.1,0.8,0.1\n"
                + "z,0.1,0.1,0.8\n");
        JsonNode report = Json.MAPPER.readTree(run("grade-sample", sub.toString(), "spooky-author-identification",
                "--data-dir", data.toString()));
        List<String> keys = new ArrayList<>();
        report.fieldNames().forEachRemaining(keys::add);
        assertEquals(MLEBENCH_KEYS, keys, "a valid report has exactly mlebench's keys in mlebench's order");
        double expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.8)) / 3;
        assertEquals(Math.round(expected * 1e5) / 1e5, report.get("score").asDouble());
        assertTrue(report.get("silver_medal").asBoolean(), "0.18388 lies between gold 0.16506 and silver 0.26996");
        assertTrue(report.get("is_lower_better").asBoolean());
        assertEquals(0.16506, report.get("gold_threshold").asDouble());
    }

    @Test
    void batchGradingNeverStopsForOneBadLine() throws Exception {
        Path data = data();
        Path good = Files.writeString(tmp.resolve("good.csv"), "id,EAP,HPL,MWS\nx,0.4,0.3,0.3\ny,0.3,0.4,0.3\n"
                + "z,0.3,0.3,0.4\n");
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "id,EAP\nx,1\n");
        Path jsonl = Files.writeString(tmp.resolve("subs.jsonl"), String.join("\n",
                "# a comment",
                "{\"competition_id\": \"spooky-author-identification\", \"submission_path\": \"" + good + "\"}",
                "{\"competition_id\": \"spooky-author-identification\", \"submission_path\": \"" + bad + "\"}",
                "{\"competition_id\": \"spooky-author-identification\", \"submission_path\": \"" + tmp.resolve("gone.csv")
                        + "\"}",
                "{not json",
                "{\"competition_id\": \"no-such-competition\", \"submission_path\": \"" + good + "\"}",
                "// another comment", ""));
        Path out = tmp.resolve("out");
        String printed = run("grade", "--submissions", jsonl.toString(), "--data-dir", data.toString(), "--output-dir",
                out.toString());
        assertTrue(printed.contains("5 runs"), printed);
        Path summaryFile;
        try (Stream<Path> files = Files.list(out)) {
            summaryFile = files.filter(f -> f.toString().endsWith("_grading_report.json")).findFirst().orElseThrow();
        }
        JsonNode summary = Json.MAPPER.readTree(summaryFile.toFile());
        List<String> keys = new ArrayList<>();
        summary.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("total_runs", "total_runs_with_submissions", "total_valid_submissions", "total_medals",
                "total_gold_medals", "total_silver_medals", "total_bronze_medals", "total_above_median",
                "competition_reports"), keys);
        assertEquals(5, summary.get("total_runs").asInt());
        assertEquals(2, summary.get("total_runs_with_submissions").asInt());
        assertEquals(1, summary.get("total_valid_submissions").asInt());
        JsonNode reports = summary.get("competition_reports");
        assertTrue(reports.get(1).get("reason").asText().contains("4 columns"), reports.get(1).toString());
        assertTrue(reports.get(3).get("reason").asText().contains("not valid JSON"));
        assertTrue(reports.get(4).get("reason").asText().contains("no-such-competition"));
        try (Stream<Path> files = Files.list(out)) {
            Path lines = files.filter(f -> f.toString().endsWith("_reports.jsonl")).findFirst().orElseThrow();
            assertEquals(5, Files.readAllLines(lines).size());
        }
    }

    @Test
    void mleDojoFormatAddsHumanRank() throws Exception {
        Path data = tmp.resolve("dojo");
        Path priv = data.resolve("spooky-author-identification/data/private");
        Files.createDirectories(priv);
        Files.writeString(priv.resolve("test_answer.csv"), "id,EAP,HPL,MWS\nx,1,0,0\ny,0,1,0\n");
        Path boards = tmp.resolve("boards/spooky-author-identification");
        Files.createDirectories(boards);
        Files.writeString(boards.resolve("private_leaderboard.csv"), "rank,score\n1,0.1\n2,0.3\n3,0.5\n4,0.9\n");
        Path sub = Files.writeString(tmp.resolve("s.csv"), "id,EAP,HPL,MWS\ny,0.2,0.6,0.2\nx,0.6,0.2,0.2\n");
        JsonNode report = Json.MAPPER.readTree(run("grade-sample", sub.toString(), "spooky-author-identification",
                "--data-dir", data.toString(), "--format", "mle-dojo", "--leaderboards-dir",
                tmp.resolve("boards").toString()));
        assertEquals(-Math.log(0.6), report.get("score").asDouble(), 1e-12);
        assertEquals(0.25, report.get("human_rank").asDouble(), "0.51 lies between 0.5 and 0.9: position 4 of 4");
        assertFalse(report.get("any_medal").asBoolean());
    }
}
