package io.sandmle.environments.mlebench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.support.Json;
import io.sandmle.environments.testing.PythonOracle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 22 Lite graders against MLE-bench's own grading code (src/test/resources/oracle/mlebench_own.py
 * imports each competition's grade function from a checkout of openai/mle-bench) on the same generated
 * submissions as {@link LiteGradersAgainstPythonTest}: same validity, raw score within 1e-9, same rounding.
 *
 * <p>It runs where {@code MLEBENCH_SRC} names a checkout (the folder holding {@code mlebench/}); CI's
 * network reaches no Git host, so there it is skipped and the re-implementation test stands in.
 * docs/GRADING.md gives the recipe and the latest result.
 */
class LiteGradersAgainstMleBenchTest {

    /**
     * jigsaw accepts a repeated id and pairs rows by position after pandas' sort_index, an unstable sort
     * (numpy's quicksort): the two rows of a repeated id come out in an order its partitioning decides. The
     * harness sorts stably (file order among equal ids), so on such a file the scores can differ
     * (ARCHITECTURE, "Grading: where it differs from MLE-bench").
     */
    private static final Set<String> UNSTABLE_SORT_OF_REPEATED_IDS =
            Set.of("jigsaw-toxic-comment-classification-challenge DUPLICATE_ID");

    @TempDir
    Path tmp;

    @Test
    void everyLiteGraderGivesMleBenchsOwnAnswer() throws Exception {
        String source = System.getenv("MLEBENCH_SRC");
        assumeTrue(source != null && Files.isDirectory(Path.of(source, "mlebench", "competitions")),
                "MLEBENCH_SRC does not name a checkout of openai/mle-bench");
        JsonNode classes = PythonOracle.run("/oracle/mlebench_own.py", List.of(), "--class-names").get(0);
        Map<String, List<String>> classNames = new HashMap<>();
        classes.fields().forEachRemaining(e -> classNames.put(e.getKey(),
                Json.MAPPER.convertValue(e.getValue(), new TypeReference<List<String>>() { })));
        List<LiteGradingCases.Case> cases = LiteGradingCases.write(tmp, 2, classNames);
        List<JsonNode> mlebench = PythonOracle.run("/oracle/mlebench_own.py", LiteGradingCases.oracleInputs(cases));

        int valid = LiteGradingCases.assertAgree(cases, mlebench, UNSTABLE_SORT_OF_REPEATED_IDS);

        System.out.printf("lite graders vs MLE-bench's own code: %d submissions over %d competitions, %d valid%n",
                cases.size(), LiteCompetitions.all().size(), valid);
    }
}
