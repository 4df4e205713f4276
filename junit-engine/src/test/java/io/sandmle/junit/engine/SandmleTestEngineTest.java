package io.sandmle.junit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.sandmle.runner.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The engine on two MLE-bench-format fixture competitions with real sandboxed episodes of the fixed-script
 * policy (valid on the tabular task, invalid on spooky's multi-class probabilities): a class suite and a
 * YAML suite, each test graded, scores published as report entries, the run folder as {@code sandmle eval}'s.
 */
class SandmleTestEngineTest {

    @TempDir
    Path runs;

    @Test
    void aClassSuiteRunsOneTestPerTaskAndSeedAndPublishesTheGrades() throws Exception {
        EngineExecutionResults results = EngineTestKit.engine(SandmleTestEngine.ID)
                .configurationParameter("sandmle.runs-dir", runs.toString())
                .selectors(selectClass(FixedScriptSuite.class)).execute();

        results.testEvents().assertStatistics(s -> s.started(5).succeeded(3).failed(2));
        List<String> names = results.testEvents().started().stream().map(e -> e.getTestDescriptor().getDisplayName())
                .toList();
        assertEquals(List.of("spooky-author-identification, seed 0", "spooky-author-identification, seed 1",
                "tabular-playground-series-may-2022, seed 0", "tabular-playground-series-may-2022, seed 1",
                "valid rate >= 30% (Wilson 95% upper bound)"), names);
        results.testEvents().assertThatEvents().haveExactly(2, event(test("spooky-author-identification"),
                finishedWithFailure(message(m -> m.startsWith("spooky-author-identification needed a valid "
                        + "submission but got an invalid submission (")))));
        results.testEvents().assertThatEvents().haveExactly(1, event(displayName(
                "valid rate >= 30% (Wilson 95% upper bound)"), finishedSuccessfully()));

        List<Map<String, String>> entries = results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs()).toList();
        assertEquals(6, entries.size(), "one per test and one for the suite");
        Map<String, String> tabular = entries.get(2);
        assertEquals("true", tabular.get("valid"));
        assertTrue(Double.parseDouble(tabular.get("score")) > 0.5, "an accuracy: " + tabular);
        assertEquals("none", tabular.get("medal"));
        assertEquals("answered", tabular.get("endReason"));
        Path runDir = Path.of(tabular.get("runDir"));
        assertEquals(runs, runDir.getParent());
        assertTrue(runDir.getFileName().toString().startsWith("fixtures-fixed-"), "a fresh run per launch");
        assertTrue(Files.isRegularFile(runDir.resolve("config.yaml")));
        assertTrue(Files.isRegularFile(Path.of(tabular.get("episodeDir")).resolve("trajectory.jsonl")));
        try (RunStore store = RunStore.open(runDir)) {
            assertEquals(4, store.episodes().size());
        }
        Map<String, String> rate = entries.get(4);
        assertEquals(Map.of("rate", "0.5000", "successes", "2", "episodes", "4", "ciLower", "0.1500",
                "ciUpper", "0.8500", "required", "0.3", "verdict", "2 of 4 episodes reached a valid submission "
                        + "(50%, 95% CI 15% to 85%)"), rate);
        Map<String, String> suite = entries.get(5);
        assertEquals(runDir.toString(), suite.get("runDir"));
        assertTrue(Files.size(Path.of(suite.get("report"))) > 0, "the run's report: " + suite);
        assertTrue(Files.isRegularFile(runDir.resolve("report/report.pdf")));
    }

    @Test
    void rateTestsFailOnlyWhenTheWholeIntervalIsBelowTheRequiredRate() {
        EngineExecutionResults results = EngineTestKit.engine(SandmleTestEngine.ID)
                .configurationParameter("sandmle.runs-dir", runs.toString())
                .configurationParameter("sandmle.run-id", "shared")
                .selectors(selectClasspathResource("suites/fixed-medal.suite.yaml")).execute();

        results.testEvents().assertStatistics(s -> s.started(6).succeeded(3).failed(3));
        // 2 of 4 valid: the 95% interval 15%..85% lies wholly below 90%, so the valid-rate test fails.
        results.testEvents().assertThatEvents().haveExactly(1, event(test("rate:valid"), finishedWithFailure(message(
                "2 of 4 episodes reached a valid submission (50%, 95% CI 15% to 85%); even the upper bound is below "
                        + "the required 90%."))));
        // 0 of 4 medals: 0% is below 30%, but the interval 0%..49% still reaches it: noise, not a failure.
        results.testEvents().assertThatEvents().haveExactly(1, event(test("rate:medal"), finishedSuccessfully()));

        EngineExecutionResults again = EngineTestKit.engine(SandmleTestEngine.ID)
                .configurationParameter("sandmle.runs-dir", runs.toString())
                .configurationParameter("sandmle.run-id", "shared")
                .selectors(selectClasspathResource("suites/fixed-medal.suite.yaml")).execute();
        again.testEvents().assertStatistics(s -> s.started(6).succeeded(3).failed(3));
        try (RunStore store = RunStore.open(runs.resolve("shared"))) {
            assertEquals(4, store.episodes().size(), "a named run resumes and repeats no episode");
        }
    }

    @Test
    void aTestSelectedByUniqueIdRunsOnlyItsEpisode() {
        EngineExecutionResults results = EngineTestKit.engine(SandmleTestEngine.ID)
                .configurationParameter("sandmle.runs-dir", runs.toString())
                .selectors(selectUniqueId(UniqueId.forEngine(SandmleTestEngine.ID)
                        .append("suite", "class:" + FixedScriptSuite.class.getName())
                        .append("episode", "mle-bench-lite.tabular-playground-series-may-2022.react.scripted.s1")))
                .execute();

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        Map<String, String> entries = results.allEvents().reportingEntryPublished().stream().findFirst().orElseThrow()
                .getRequiredPayload(ReportEntry.class).getKeyValuePairs();
        try (RunStore store = RunStore.open(Path.of(entries.get("runDir")))) {
            assertEquals(1, store.episodes().size(), "only the selected task and seed ran");
        }
    }
}
