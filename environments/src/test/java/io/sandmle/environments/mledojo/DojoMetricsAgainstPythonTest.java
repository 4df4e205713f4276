package io.sandmle.environments.mledojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.environments.grading.CsvReader;
import io.sandmle.environments.grading.Submission;
import io.sandmle.environments.mlebench.LiteCompetition;
import io.sandmle.environments.mlebench.LiteCompetitions;
import io.sandmle.environments.mlebench.LiteFixturesAccess;
import io.sandmle.environments.testing.PythonOracle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MLE-Dojo's 21 MLE-Lite metrics (validation included) against an independent Python
 * re-implementation of their described behaviour, on the Lite fixtures laid out as MLE-Dojo data.
 */
class DojoMetricsAgainstPythonTest {

    @TempDir
    Path tmp;

    @Test
    void everyDojoLiteMetricAgreesWithPython() throws Exception {
        List<Map<String, Object>> cases = new ArrayList<>();
        List<String> competitions = new ArrayList<>();
        for (LiteCompetition c : LiteCompetitions.all()) {
            if (DojoMetrics.lite(c.id()).isEmpty()) {
                continue; // siim-isic is not in MLE-Dojo
            }
            for (int seed = 0; seed < 2; seed++) {
                for (Path sub : LiteFixturesAccess.dojoCase(tmp.resolve("s" + seed), c, seed)) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", cases.size());
                    m.put("competition", c.id());
                    m.put("submission", sub.toString());
                    m.put("answers", tmp.resolve("s" + seed).resolve(c.id()).resolve("data/private/test_answer.csv")
                            .toString());
                    cases.add(m);
                    competitions.add(c.id());
                }
            }
        }
        List<JsonNode> expected = PythonOracle.run("/oracle/mledojo_lite.py", cases);
        int valid = 0;
        for (int i = 0; i < cases.size(); i++) {
            String id = competitions.get(i);
            DojoMetrics.DojoMetric metric = DojoMetrics.lite(id).orElseThrow();
            Submission sub = Submission.of(CsvReader.read(Path.of((String) cases.get(i).get("submission"))));
            Submission ans = Submission.answers(CsvReader.read(Path.of((String) cases.get(i).get("answers"))));
            Double got = null;
            String error = null;
            try {
                DojoMetrics.validate(sub, ans);
                got = metric.score().score(sub, ans);
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
            JsonNode want = expected.get(i);
            String label = id + " " + cases.get(i).get("submission");
            if (want.has("error")) {
                assertEquals(null, got, label + ": Python refused (" + want.get("error").asText() + ")");
                continue;
            }
            assertNotNull(got, label + ": Java refused (" + error + ") but Python scored " + want.get("value"));
            assertEquals(want.get("value").asDouble(), got, 1e-9, label);
            valid++;
        }
        System.out.printf("MLE-Dojo lite metrics vs Python: %d submissions, %d valid%n", cases.size(), valid);
        assertTrue(valid > cases.size() / 2);
        assertFalse(valid == cases.size(), "some submissions must fail validation");
    }
}
