package io.sandmle.junit.engine;

import io.sandmle.junit.PassCriterion;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Grade;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.config.SuiteConfig;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.rollout.ConsoleProgress;
import io.sandmle.runner.run.Experiment;
import io.sandmle.support.ControlCharacters;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.opentest4j.AssertionFailedError;

/**
 * Runs the suites under the engine descriptor: each suite is one evaluation (only the episodes still
 * selected), after which every episode test reports its grade and every rate test its interval.
 *
 * <p>Each test publishes its numbers as JUnit report entries and also prints them as one
 * {@code sandmle-result ...} line on standard output, because Maven Surefire keeps a test's output in its
 * XML report ({@code <system-out>}) but drops report entries. JUnit's Open Test Reporting XML keeps the
 * entries themselves; examples/benchmark-suite/pom.xml shows how to turn it on under Surefire.
 */
final class SuiteExecution {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final EngineExecutionListener listener;
    private final ConfigurationParameters parameters;
    private final Supplier<Extensions> extensions;

    SuiteExecution(EngineExecutionListener listener, ConfigurationParameters parameters,
                   Supplier<Extensions> extensions) {
        this.listener = listener;
        this.parameters = parameters;
        this.extensions = extensions;
    }

    void run(TestDescriptor engine) {
        listener.executionStarted(engine);
        for (TestDescriptor child : engine.getChildren()) {
            if (child instanceof SuiteDescriptor suite) {
                run(suite);
            }
        }
        listener.executionFinished(engine, TestExecutionResult.successful());
    }

    private void run(SuiteDescriptor suite) {
        listener.executionStarted(suite);
        if (suite.problem() != null) {
            skipChildren(suite, suite.problem().getMessage());
            listener.executionFinished(suite, TestExecutionResult.failed(suite.problem()));
            return;
        }
        List<EpisodeDescriptor> episodes = children(suite, EpisodeDescriptor.class);
        if (episodes.isEmpty()) {
            skipChildren(suite, "no episode of this suite was selected.");
            listener.executionFinished(suite, TestExecutionResult.successful());
            return;
        }
        Experiment.Evaluated result;
        try (Experiment experiment = Experiment.open(selected(suite.config(), episodes), extensions.get())) {
            result = experiment.evaluate(ConsoleProgress.onStderr());
        } catch (Exception | LinkageError e) {
            skipChildren(suite, "the evaluation did not run: " + e.getMessage());
            listener.executionFinished(suite, TestExecutionResult.failed(e));
            return;
        }
        Map<String, EpisodeRecord> byId = result.episodes().stream()
                .collect(Collectors.toMap(EpisodeRecord::episodeId, Function.identity(), (a, b) -> b));
        List<EpisodeRecord> mine = new ArrayList<>();
        for (EpisodeDescriptor test : episodes) {
            EpisodeRecord record = byId.get(test.episode().episodeId());
            if (record != null) {
                mine.add(record);
            }
            report(test, record, suite.spec().passWhen(), result.runDir());
        }
        for (RateDescriptor test : children(suite, RateDescriptor.class)) {
            report(test, test.assertion().judge(mine));
        }
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("runDir", result.runDir().toString());
        result.report().ifPresent(r -> entries.put("report", r.toString()));
        publish(suite, entries);
        listener.executionFinished(suite, TestExecutionResult.successful());
    }

    private void report(EpisodeDescriptor test, EpisodeRecord record, PassCriterion passWhen, Path runDir) {
        listener.executionStarted(test);
        if (record == null) {
            listener.executionFinished(test, TestExecutionResult.failed(new AssertionFailedError(
                    "the episode was not recorded; see " + runDir + " and the log above.")));
            return;
        }
        Grade g = record.grade();
        Map<String, String> entries = new LinkedHashMap<>();
        if (g != null && g.score() != null) {
            entries.put("score", String.valueOf(g.score()));
        }
        entries.put("medal", g == null ? "none" : g.medal().name().toLowerCase(Locale.ROOT));
        entries.put("valid", String.valueOf(g != null && g.valid()));
        entries.put("aboveMedian", String.valueOf(g != null && g.aboveMedian()));
        if (g != null && g.humanRank() != null) {
            entries.put("humanRank", String.valueOf(g.humanRank()));
        }
        entries.put("endReason", record.endReason());
        entries.put("turns", String.valueOf(record.turns()));
        entries.put("runDir", runDir.toString());
        entries.put("episodeDir", runDir.resolve("episodes").resolve(record.episodeId()).toString());
        publish(test, entries);
        if (passWhen.isMetBy(g)) {
            listener.executionFinished(test, TestExecutionResult.successful());
        } else {
            listener.executionFinished(test, TestExecutionResult.failed(new AssertionFailedError(
                    record.taskId() + " needed " + passWhen.requirement() + " but got " + describe(record) + ".")));
        }
    }

    private void report(RateDescriptor test, RateAssertion.Verdict verdict) {
        listener.executionStarted(test);
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("rate", String.format(Locale.ROOT, "%.4f", verdict.rate()));
        entries.put("successes", String.valueOf(verdict.successes()));
        entries.put("episodes", String.valueOf(verdict.episodes()));
        entries.put("ciLower", String.format(Locale.ROOT, "%.4f", verdict.interval().lower()));
        entries.put("ciUpper", String.format(Locale.ROOT, "%.4f", verdict.interval().upper()));
        entries.put("required", String.valueOf(test.assertion().minRate()));
        entries.put("verdict", verdict.message());
        publish(test, entries);
        listener.executionFinished(test, verdict.passed() ? TestExecutionResult.successful()
                : TestExecutionResult.failed(new AssertionFailedError(verdict.message())));
    }

    private static String describe(EpisodeRecord r) {
        Grade g = r.grade();
        if (g == null) {
            return "no grade (episode ended: " + r.endReason() + ")";
        }
        if (!g.valid()) {
            return "an invalid submission (" + g.reason() + ")";
        }
        return "score " + g.score() + (g.aboveMedian() ? " above the median" : " not above the median")
                + (g.medal().any() ? " with a " + g.medal().name().toLowerCase(Locale.ROOT) + " medal" : " without a medal");
    }

    /** Publishes the entries to the platform and prints them for Surefire's XML (see the class comment). */
    private void publish(TestDescriptor test, Map<String, String> entries) {
        listener.reportingEntryPublished(test, ReportEntry.from(entries));
        System.out.println("sandmle-result " + entries.entrySet().stream()
                .map(e -> e.getKey() + "=" + ControlCharacters.escape(e.getValue()))
                .collect(Collectors.joining(" ")));
        System.out.flush();
    }

    /**
     * The config narrowed to the selected tests' tasks and seeds, under a fresh run id per launch (a CI gate
     * must not reuse another launch's episodes) unless {@code sandmle.run-id} names one to resume.
     */
    private ExperimentConfig selected(ExperimentConfig c, List<EpisodeDescriptor> episodes) {
        List<SuiteConfig> suites = c.suites().stream().map(s -> s.withTasks(
                episodes.stream().filter(e -> e.episode().suite().equals(s.name()))
                        .map(e -> e.episode().task().id()).distinct().toList()))
                .filter(s -> !s.tasks().isEmpty()).toList();
        List<Long> seeds = episodes.stream().map(e -> e.episode().seed()).distinct().sorted().toList();
        String run = parameters.get("sandmle.run-id").orElse(c.run() + "-" + LocalDateTime.now().format(STAMP));
        Path runsDir = parameters.get("sandmle.runs-dir").map(Path::of).orElse(c.runsDir());
        return c.narrowedTo(run, runsDir, suites, seeds);
    }

    private void skipChildren(TestDescriptor suite, String reason) {
        suite.getChildren().forEach(child -> listener.executionSkipped(child, reason));
    }

    private static <T> List<T> children(TestDescriptor suite, Class<T> type) {
        return suite.getChildren().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
