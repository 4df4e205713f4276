package io.sandmle.environments.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ExtensionRegistry;
import io.sandmle.api.Grade;
import io.sandmle.api.Medal;
import io.sandmle.api.Metric;
import io.sandmle.api.Modality;
import io.sandmle.api.Task;
import io.sandmle.api.Thresholds;
import io.sandmle.api.codec.TaskJson;
import io.sandmle.environments.EnvironmentsPlugin;
import io.sandmle.environments.metrics.Metrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic suite on generator-shaped task folders, and the plugin's registrations. */
class SyntheticSuiteTest {

    @TempDir
    Path tmp;

    private Path task(String id, String metric, boolean lower, Thresholds t, String answers) throws Exception {
        Path dir = tmp.resolve("tasks").resolve(id);
        Files.createDirectories(dir.resolve("prepared/public"));
        Files.createDirectories(dir.resolve("prepared/private"));
        Task task = new Task(Task.SCHEMA_VERSION, id, id, metric, lower, t, Modality.TABULAR, "binary", "seed",
                Map.of("generator", "test"), null);
        TaskJson.write(dir, task);
        Files.writeString(dir.resolve("prepared/private/answers.csv"), answers);
        Files.writeString(dir.resolve("prepared/public/sample_submission.csv"), answers.lines().findFirst().get() + "\n");
        return dir;
    }

    @Test
    void gradesWithTheNamedMetricAndTaskThresholds() throws Exception {
        Path dir = task("toy-auc", "roc-auc", false, new Thresholds(0.9, 0.8, 0.7, 0.6),
                "id,target\n1,1\n2,0\n3,1\n4,0\n");
        task("toy-rmse", "rmse", true, new Thresholds(0.1, 0.2, 0.3, 0.5), "id,y\na,1.0\nb,2.0\n");
        Files.createDirectories(tmp.resolve("tasks/broken"));
        Files.writeString(TaskJson.file(tmp.resolve("tasks/broken")), "{not json");
        SyntheticSuite suite = new SyntheticSuite();
        List<Task> all = suite.load(tmp.resolve("tasks"), Map.of());
        assertEquals(List.of("toy-auc", "toy-rmse"), all.stream().map(Task::id).toList());
        Task one = suite.load(dir, Map.of()).get(0);
        assertEquals(dir, one.root());

        Path sub = tmp.resolve("submission.csv");
        Files.writeString(sub, "id,target\n4,0.2\n3,0.7\n2,0.75\n1,0.9\n");
        Grade g = suite.grader(one).grade(one, sub);
        assertTrue(g.valid(), g.reason());
        assertEquals(0.75, g.score());
        assertEquals(Medal.BRONZE, g.medal());
        assertTrue(g.aboveMedian());

        Task rmse = all.get(1);
        Files.writeString(sub, "id,y\nb,2.0\na,1.1\n");
        Grade r = suite.grader(rmse).grade(rmse, sub);
        assertEquals(0.07071, r.score());
        assertEquals(Medal.GOLD, r.medal());

        Files.writeString(sub, "id,y,z\nb,2.0,1\na,1.1,1\n");
        Grade bad = suite.grader(rmse).grade(rmse, sub);
        assertFalse(bad.valid());
        assertTrue(bad.reason().contains("'z'"), bad.reason());
    }

    @Test
    void pluginRegistersEverySuiteByClassAndEveryMetricByAFactoryOfItsName() {
        List<String> suites = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        new EnvironmentsPlugin().register(new ExtensionRegistry() {
            @Override
            public <T> void add(ExtensionKind<T> kind, String name, Class<? extends T> implementation) {
                assertEquals(ExtensionKind.SUITE, kind, name);
                suites.add(name);
            }

            @Override
            public <T> void add(ExtensionKind<T> kind, String name, Supplier<? extends T> factory) {
                assertEquals(ExtensionKind.METRIC, kind, name);
                Metric metric = (Metric) factory.get();
                assertEquals(name, metric.name());
                assertEquals(Metrics.byName(name).lowerIsBetter(), metric.lowerIsBetter());
                metrics.add(name);
            }
        });
        assertEquals(List.of("mle-bench-lite", "mle-dojo", "synthetic"), suites);
        assertEquals(Metrics.names(), metrics.stream().sorted().toList());
        assertEquals(15, metrics.size());
    }

    @Test
    void taskFolderWithANewerSchemaIsSkippedWithTheReason() throws Exception {
        Path dir = task("future", "rmse", true, new Thresholds(0.1, 0.2, 0.3, 0.5), "id,y\na,1.0\n");
        Files.writeString(TaskJson.file(dir), Files.readString(TaskJson.file(dir))
                .replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 99"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SyntheticSuite().load(dir, Map.of()));
        assertTrue(e.getMessage().contains("schemaVersion 99"), e.getMessage());
        assertTrue(new SyntheticSuite().load(tmp.resolve("tasks"), Map.of()).isEmpty());
    }
}
