package io.sandmle.environments.mlebench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.environments.testing.PythonOracle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each of the 22 Lite graders against an independent pandas + scikit-learn re-implementation of
 * MLE-bench's grader (src/test/resources/oracle/mlebench_lite.py) on generated fixtures: same
 * validity, raw scores within 1e-9, identical 5-decimal rounding. {@link LiteGradersAgainstMleBenchTest}
 * runs the same cases against MLE-bench's own code where a checkout of it is given.
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
        List<LiteGradingCases.Case> cases = LiteGradingCases.write(tmp, 3);
        List<JsonNode> expected = PythonOracle.run("/oracle/mlebench_lite.py", LiteGradingCases.oracleInputs(cases));

        int valid = LiteGradingCases.assertAgree(cases, expected);

        for (LiteGradingCases.Case c : cases) {
            if (c.variant().equals("SAMPLE") && SAMPLE_SCORES.containsKey(c.competition().id())) {
                assertEquals(SAMPLE_SCORES.get(c.competition().id()), LiteGradingCases.grade(c).score(), 0.0,
                        c.label() + " sample-submission score");
            }
        }
        System.out.printf("lite graders vs Python: %d submissions over %d competitions, %d valid%n", cases.size(),
                LiteCompetitions.all().size(), valid);
        assertTrue(valid >= cases.size() / 2, "most generated submissions are valid: " + valid);
        assertTrue(valid < cases.size(), "some mutated submissions are invalid");
    }
}
