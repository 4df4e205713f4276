package io.sandmle.environments.mlebench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.api.Grade;
import io.sandmle.api.Task;
import io.sandmle.environments.grading.CsvReader;
import io.sandmle.environments.grading.Submission;
import io.sandmle.environments.testing.PythonOracle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each of the 22 Lite graders against an independent pandas + scikit-learn re-implementation of
 * MLE-bench's grader (src/test/resources/oracle/mlebench_lite.py) on generated fixtures: same
 * validity, raw scores within 1e-9, identical 5-decimal rounding.
 */
class LiteGradersAgainstPythonTest {

    /** Sample-submission scores the reference lists (§1.9) that uniform/constant fixtures must reproduce. */
    private static final Map<String, Double> SAMPLE_SCORES = Map.ofEntries(
            Map.entry("aerial-cactus-identification", 0.5), Map.entry("aptos2019-blindness-detection", 0.0),
            Map.entry("detecting-insults-in-social-commentary", 0.5), Map.entry("dog-breed-identification", 4.78749),
            Map.entry("dogs-vs-cats-redux-kernels-edition", 0.69315), Map.entry("histopathologic-cancer-detection", 0.5),
            Map.entry("jigsaw-toxic-comment-classification-challenge", 0.5), Map.entry("leaf-classification", 4.59512),
            Map.entry("mlsp-2013-birds", 0.5), Map.entry("plant-pathology-2020-fgvc7", 0.5),
            Map.entry("random-acts-of-pizza", 0.5), Map.entry("ranzcr-clip-catheter-line-classification", 0.5),
            Map.entry("siim-isic-melanoma-classification", 0.5), Map.entry("tabular-playground-series-may-2022", 0.5),
            Map.entry("the-icml-2013-whale-challenge-right-whale-redux", 0.5));

    @TempDir
    Path tmp;

    @Test
    void everyLiteGraderAgreesWithThePythonReimplementation() throws Exception {
        Path data = tmp.resolve("data");
        Path subs = tmp.resolve("subs");
        List<Map<String, Object>> cases = new ArrayList<>();
        List<LiteCompetition> competitionOfCase = new ArrayList<>();
        List<String> variantOfCase = new ArrayList<>();
        for (int seed = 0; seed < 3; seed++) {
            for (LiteCompetition c : LiteCompetitions.all()) {
                LiteFixtures fx = new LiteFixtures(seed * 1000L + c.id().hashCode(), 30 + seed * 25);
                Path dataDir = data.resolve("seed" + seed);
                LiteFixtures.Data d = fx.write(dataDir, c);
                for (String v : VARIANTS) {
                    Path sub = write(fx, d, subs.resolve("seed" + seed).resolve(c.id()).resolve(v + ".csv"), v);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", cases.size());
                    m.put("competition", c.id());
                    m.put("submission", sub.toString());
                    m.put("answers", dataDir.resolve(c.id()).resolve("prepared/private").resolve(c.answersFile())
                            .toString());
                    cases.add(m);
                    competitionOfCase.add(c);
                    variantOfCase.add(v);
                }
            }
        }
        List<JsonNode> expected = PythonOracle.run("/oracle/mlebench_lite.py", cases);
        assertEquals(cases.size(), expected.size());
        int valid = 0;
        for (int i = 0; i < cases.size(); i++) {
            LiteCompetition c = competitionOfCase.get(i);
            Path sub = Path.of((String) cases.get(i).get("submission"));
            Path answers = Path.of((String) cases.get(i).get("answers"));
            String label = c.id() + " " + variantOfCase.get(i) + " (" + sub + ")";
            JsonNode want = expected.get(i);
            Double raw = null;
            String error = null;
            try {
                raw = c.score().score(Submission.of(CsvReader.read(sub)), Submission.answers(CsvReader.read(answers)));
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
            Grade g = grade(answers.getParent().getParent().getParent().getParent(), c, sub);
            if (want.has("error")) {
                assertEquals(null, raw, label + ": Python refused (" + want.get("error").asText() + ")");
                assertFalse(g.valid(), label);
                continue;
            }
            assertNotNull(raw, label + ": Java refused (" + error + ") but Python scored " + want.get("value"));
            assertEquals(want.get("value").asDouble(), raw, 1e-9, label);
            assertTrue(g.valid(), label + " " + g.reason());
            assertEquals(want.get("rounded").asDouble(), g.score(), 0.0, label + " rounding");
            if (variantOfCase.get(i).equals("SAMPLE") && SAMPLE_SCORES.containsKey(c.id())) {
                assertEquals(SAMPLE_SCORES.get(c.id()), g.score(), 0.0, label + " sample-submission score");
            }
            valid++;
        }
        System.out.printf("lite graders vs Python: %d submissions over %d competitions, %d valid%n", cases.size(),
                LiteCompetitions.all().size(), valid);
        assertTrue(valid >= cases.size() / 2, "most generated submissions are valid: " + valid);
        assertTrue(valid < cases.size(), "some mutated submissions are invalid");
    }

    /** The generated kinds plus mutations of the noisy one whose validity depends on each grader's rules. */
    private static final List<String> VARIANTS = List.of("SAMPLE", "NOISY", "RANDOM", "TIES", "DROP_ROW",
            "DUPLICATE_ID", "EXTRA_COLUMN", "COLUMNS_SWAPPED");

    private static Path write(LiteFixtures fx, LiteFixtures.Data d, Path file, String variant) throws Exception {
        boolean mutation = !List.of("SAMPLE", "NOISY", "RANDOM", "TIES").contains(variant);
        List<List<String>> rows = fx.submissionRows(d, mutation ? LiteFixtures.Variant.NOISY
                : LiteFixtures.Variant.valueOf(variant));
        List<String> header = new ArrayList<>(d.submissionHeader());
        int key = header.indexOf(d.keyColumns().get(d.keyColumns().size() - 1));
        switch (variant) {
            case "DROP_ROW" -> rows.remove(rows.size() - 1);
            case "DUPLICATE_ID" -> rows.get(1).set(key, rows.get(0).get(key));
            case "EXTRA_COLUMN" -> {
                header.add("extra");
                rows.forEach(r -> r.add("0.5"));
            }
            case "COLUMNS_SWAPPED" -> {
                int last = header.size() - 1;
                java.util.Collections.swap(header, last, last - 1);
                rows.forEach(r -> java.util.Collections.swap(r, last, last - 1));
            }
            default -> { }
        }
        LiteFixtures.writeCsv(file, header, rows);
        return file;
    }

    private static Grade grade(Path dataDir, LiteCompetition c, Path submission) {
        MleBenchLiteSuite suite = new MleBenchLiteSuite();
        Task task = suite.load(dataDir, Map.of(MleBenchLiteSuite.OPTION_COMPETITIONS, c.id())).get(0);
        return suite.grader(task).grade(task, submission);
    }
}
