package io.sandmle.runner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.Limits;
import io.sandmle.support.NearestKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final Path EXAMPLE = RepoFiles.root().resolve("examples/configs/quick-eval.yaml");

    @TempDir
    Path tmp;

    @Test
    void everyExampleConfigLoads() throws Exception {
        List<Path> configs;
        try (Stream<Path> files = Files.walk(RepoFiles.root().resolve("examples/configs"))) {
            configs = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(configs.size() >= 6, "the examples, including the held-out experiment's: " + configs);
        for (Path config : configs) {
            ExperimentConfig loaded = ConfigLoader.load(config);
            assertTrue(loaded.runsDir().endsWith("runs"), config + " writes under the repository's runs/: " + loaded.runsDir());
        }
    }

    @Test
    void theExampleConfigLoadsWithEverySection() {
        ExperimentConfig c = ConfigLoader.load(EXAMPLE);
        assertEquals("quick-eval", c.run());
        assertEquals(RepoFiles.root().resolve("runs/quick-eval"), c.runDir());
        assertEquals(RepoFiles.root().resolve("tasks/synthetic"), c.suites().get(0).dataDir());
        assertEquals(List.of("spaceship-titanic"), c.suites().get(1).tasks());
        assertEquals(List.of(0L, 1L, 2L), c.seeds());
        assertEquals(List.of("react", "aide"), c.scaffolds());
        assertEquals("http://localhost:8000/v1", c.policies().get(1).settings().get("base-url"));
        assertEquals(Duration.ofMinutes(5), c.executor().limits().toLimits().wallTime());
        assertEquals(4L << 30, c.executor().limits().toLimits().memoryBytes());
        assertEquals(2, c.executor().parallel());
        assertEquals("4", c.trainer().settings().get("group-size"));
        assertEquals(0.7, c.sampling().toSampling(3).temperature());
        assertEquals(3L, c.sampling().toSampling(3).seed());
    }

    @Test
    void absentSectionsTakeDefaults() {
        ExperimentConfig c = parse("run: tiny\nsuites:\n  - name: synthetic\n    data-dir: tasks\n");
        assertEquals(List.of(0L), c.seeds());
        assertEquals(List.of("react"), c.scaffolds());
        assertEquals("embedded", c.policies().get(0).provider());
        assertEquals(Limits.defaults(), c.executor().limits().toLimits());
        assertEquals(ExecutorConfig.DEFAULT_PYTHON, c.executor().python());
        assertEquals(null, c.trainer());
    }

    @Test
    void aMisspeltKeyNamesItsLineAndTheNearestValidKey() {
        String message = error("run: x\nsuites:\n  - name: synthetic\n    data-dir: t\nbudget:\n  max-turn: 3\n");
        assertEquals("test.yaml line 6: unknown key 'max-turn' in budget; did you mean 'max-turns'?", message);
    }

    @Test
    void aMisspeltTopLevelKeySuggestsTheNearest() {
        String message = error("run: x\nseedz: [1]\nsuites:\n  - name: synthetic\n    data-dir: t\n");
        assertEquals("test.yaml line 2: unknown key 'seedz'; did you mean 'seeds'?", message);
    }

    @Test
    void anUnrelatedUnknownKeyListsTheValidKeys() {
        String message = error("run: x\nsuites:\n  - name: s\n    data-dir: t\n    colour: blue\n");
        assertEquals("test.yaml line 2: budget: expected a section of 'key: value' lines.",
                error("run: x\nbudget: 5\nsuites:\n  - name: s\n    data-dir: t\n"));
        assertTrue(message.startsWith("test.yaml line 5: unknown key 'colour' in suites[0]; valid keys are "
                + "data-dir, name, tasks"), message);
    }

    @Test
    void aWrongTypeNamesTheLineTheKeyAndWhatIsExpected() {
        String message = error("run: x\nsuites:\n  - name: s\n    data-dir: t\nbudget:\n  max-turns: ten\n");
        assertEquals("test.yaml line 6: budget.max-turns: 'ten' is not a whole number.", message);
    }

    @Test
    void aListWhereAValueIsExpectedIsOneSentence() {
        String message = error("run: [a, b]\nsuites:\n  - name: s\n    data-dir: t\n");
        assertEquals("test.yaml line 1: run: expected a single value (text).", message);
    }

    @Test
    void aBadDurationSaysHowToWriteOne() {
        String message = error("run: x\nsuites:\n  - name: s\n    data-dir: t\nbudget:\n  step-time: soon\n");
        assertEquals("test.yaml line 6: budget.step-time: 'soon' is not a duration like 90s, 5m or 1h30m.", message);
    }

    @Test
    void aBrokenRuleInsideASectionNamesTheRule() {
        String message = error("run: x\nseeds: []\nsuites:\n  - name: s\n    data-dir: t\n");
        assertEquals("test.yaml line 2: seeds must list at least one seed.", message);
        assertEquals("test.yaml line 6: budget: max-turns must be positive.",
                error("run: x\nsuites:\n  - name: s\n    data-dir: t\nbudget:\n  max-turns: 0\n"));
    }

    @Test
    void aMissingRequiredKeyIsNamed() {
        String message = error("suites:\n  - name: s\n    data-dir: t\n");
        assertTrue(message.matches("test\\.yaml line 1: run must be a name .*\\."), message);
        assertEquals("test.yaml line 3: suites[0]: suite 's' needs a data-dir.",
                error("run: x\nsuites:\n  - name: s\n"));
    }

    @Test
    void brokenYamlIsOneSentenceWithItsLine() {
        String message = error("run: x\nsuites: [\n");
        assertTrue(message.startsWith("test.yaml line "), message);
        assertTrue(message.contains("not valid YAML"), message);
    }

    @Test
    void aMissingFileSaysSo() {
        Path missing = tmp.resolve("nope.yaml");
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));
        assertEquals("Config file " + missing + " does not exist; check the path (examples are in examples/configs/).",
                e.getMessage());
    }

    @Test
    void anEmptyFileSaysWhereToStart() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.yaml"), "");
        var e = assertThrows(ConfigException.class, () -> ConfigLoader.load(empty));
        assertEquals(empty + " is empty; start from examples/configs/quick-eval.yaml.", e.getMessage());
    }

    @Test
    void theYamlWrittenForTheRunFolderReadsBackEqual() {
        ExperimentConfig original = ConfigLoader.load(EXAMPLE);
        String yaml = ConfigLoader.toYaml(original);
        assertEquals(original, ConfigLoader.parse(yaml, "copy"));
        assertTrue(yaml.contains("wall-time: 5m"), yaml);
        assertTrue(yaml.contains("memory: 4g"), yaml);
    }

    @Test
    void sizesAndDurationsReadTheWayPeopleWriteThem() {
        assertEquals(512L << 20, ByteSize.parse("512MiB").bytes());
        assertEquals(1000, ByteSize.parse("1000").bytes());
        assertEquals("64m", new ByteSize(64L << 20).toString());
        assertEquals(Duration.ofMinutes(90), DurationText.parse("1h30m"));
        assertEquals(Duration.ofMillis(250), DurationText.parse("250ms"));
        assertEquals("1h30m", DurationText.format(Duration.ofMinutes(90)));
        assertEquals(Map.of(), parse("run: x\nsuites:\n  - name: s\n    data-dir: t\n").executor().settings());
    }

    @Test
    void editDistanceCountsSingleEdits() {
        assertEquals(1, NearestKey.distance("seedz", "seeds"));
        assertEquals(3, NearestKey.distance("kitten", "sitting"));
        assertEquals(java.util.Optional.empty(), NearestKey.to("zzzzzzzz", List.of("run", "seeds")));
    }

    @Test
    void gpusAndPerTaskTimeLimitsAreReadAndCheckedAgainstTheTasks() {
        ExperimentConfig c = parse("run: x\nsuites:\n  - name: mle-bench-lite\n    data-dir: d\n    tasks: [a, b]\n"
                + "    time-limit: 2h\n    time-limits:\n      b: 90m\nexecutor:\n  limits:\n    gpus: 2\n");
        assertEquals(2, c.executor().limits().toLimits().gpus());
        assertEquals(Duration.ofHours(2), c.suites().get(0).timeLimit());
        assertEquals(Map.of("b", Duration.ofMinutes(90)), c.suites().get(0).timeLimits());
        ExperimentConfig copy = ConfigLoader.parse(ConfigLoader.toYaml(c), "copy");
        assertEquals(c.suites().get(0).timeLimits(), copy.suites().get(0).timeLimits(), "the run folder's copy");
        assertEquals(c.suites().get(0).timeLimit(), copy.suites().get(0).timeLimit());
        assertEquals(c.executor().limits(), copy.executor().limits());
        assertEquals("test.yaml line 6: suites[0]: time-limits names 'bb', which is not in tasks; did you mean 'b'?",
                error("run: x\nsuites:\n  - name: s\n    data-dir: d\n    tasks: [a, b]\n    time-limits:\n"
                        + "      bb: 1h\n"));
        assertEquals("test.yaml line 7: executor.limits: gpus must be 0 or more.",
                error("run: x\nsuites:\n  - name: s\n    data-dir: d\nexecutor:\n  limits:\n    gpus: -1\n"));
    }

    private static ExperimentConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, "test.yaml");
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml)).getMessage();
    }
}
