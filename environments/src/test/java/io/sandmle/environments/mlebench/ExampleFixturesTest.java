package io.sandmle.environments.mlebench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.api.Grade;
import io.sandmle.api.Medal;
import io.sandmle.api.Task;
import io.sandmle.environments.testing.PythonOracle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MLE-bench-format fixtures under examples/fixtures/mle-bench-lite load as Lite tasks; their
 * sample submissions and the answers themselves grade as MLE-bench would (checked against the
 * Python re-implementation), and the answers score perfectly.
 */
class ExampleFixturesTest {

    private static final Path FIXTURES = Path.of("..", "examples", "fixtures", "mle-bench-lite");

    @Test
    void examplesGradeLikeMleBench() throws Exception {
        MleBenchLiteSuite suite = new MleBenchLiteSuite();
        List<Task> tasks = suite.load(FIXTURES, Map.of());
        assertEquals(5, tasks.size());
        List<Map<String, Object>> cases = new ArrayList<>();
        List<Grade> grades = new ArrayList<>();
        for (Task t : tasks) {
            assertTrue(Files.isRegularFile(t.publicDir().resolve("description.md")));
            assertTrue(Files.isRegularFile(t.publicDir().resolve("train.csv")));
            String answers = t.attributes().get("answers");
            for (Path sub : List.of(t.publicDir().resolve("sample_submission.csv"), t.privateDir().resolve(answers))) {
                Grade g = suite.grader(t).grade(t, sub);
                assertTrue(g.valid(), t.id() + " " + sub.getFileName() + ": " + g.reason());
                grades.add(g);
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("id", cases.size());
                c.put("competition", t.id());
                c.put("submission", sub.toAbsolutePath().toString());
                c.put("answers", t.privateDir().resolve(answers).toAbsolutePath().toString());
                cases.add(c);
            }
            Grade perfect = grades.get(grades.size() - 1);
            assertEquals(t.lowerIsBetter() ? 0.0 : 1.0, perfect.score(), t.id() + " scores perfectly on its answers");
            assertEquals(Medal.GOLD, perfect.medal(), t.id());
        }
        List<JsonNode> expected = PythonOracle.run("/oracle/mlebench_lite.py", cases);
        for (int i = 0; i < cases.size(); i++) {
            assertEquals(expected.get(i).get("rounded").asDouble(), grades.get(i).score(), 0.0, cases.get(i).toString());
        }
    }
}
