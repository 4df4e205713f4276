package io.sandmle.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.CurvePoint;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Grade;
import io.sandmle.api.ReportInput;
import io.sandmle.reports.support.Reports;
import io.sandmle.reports.testdata.SyntheticRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of an evaluation run, the first one a user sees (the quickstart's): its episodes carry grades
 * but reward 0, because an evaluation has no reward function. The report must compare a score every
 * episode has, say which, and draw no chart without data.
 */
class EvaluationReportTest {

    @TempDir
    Path work;

    @Test
    void anEvaluationWithoutRewardsIsComparedOnMedalLevelsAndEveryPanelHasData() throws Exception {
        ReportInput input = new SyntheticRuns(2, 12, 3).evaluationOnly().input(7, SyntheticRuns.systemName(0));

        Reports.write(input, work);
        String html = Files.readString(work.resolve("index.html"));

        assertTrue(html.contains("Score compared: medal level, read from the grades"), "the text says which score");
        assertFalse(html.contains("harmony is undefined"), "categories get a harmony");
        assertFalse(html.contains("data-section=\"humanrank\""), "no empty HumanRank section");
        assertTrue(html.contains("No grade carries a HumanRank (it needs a task with a human leaderboard, as in "
                + "MLE-Dojo), so the section is left out."), "what could not be computed says why");
        Matcher aggregates = Pattern.compile("(\\d\\.\\d{3}) \\[\\d\\.\\d{3}, \\d\\.\\d{3}\\]").matcher(
                html.substring(html.indexOf("Aggregate score per system")));
        List<Double> points = new ArrayList<>();
        while (aggregates.find() && points.size() < 8) {
            points.add(Double.parseDouble(aggregates.group(1)));
        }
        assertEquals(8, points.size(), "median, IQM, mean and gap for two systems");
        assertTrue(points.stream().anyMatch(p -> p > 0 && p < 1), "aggregates are not all 0 or 1: " + points);
        assertTrue(Files.exists(work.resolve("figures/aggregates-forest.svg")));
        assertTrue(Files.exists(work.resolve("figures/aggregates-profiles.svg")));
    }

    @Test
    void aTrainingMetricThatNeverChangesIsStatedNotDrawn() throws Exception {
        ReportInput evaluation = new SyntheticRuns(2, 6, 2).evaluationOnly().input(3, null);
        List<CurvePoint> curves = new ArrayList<>();
        for (int step = 1; step <= 5; step++) {
            curves.add(new CurvePoint("train", "policy1×react", step, "reward", 0.5 + 0.1 * step));
            curves.add(new CurvePoint("train", "policy1×react", step, "episodes", 24));
        }

        Reports.write(new ReportInput(evaluation.episodes(), curves, null, 3, Map.of()), work);
        String html = Files.readString(work.resolve("index.html"));

        assertTrue(Files.exists(work.resolve("figures/curves-reward.svg")));
        assertFalse(Files.exists(work.resolve("figures/curves-episodes.svg")), "a flat line is not drawn");
        assertTrue(html.contains("Constant at every step of every run, so not drawn: episodes = 24.000."));
    }

    @Test
    void whenEveryRunScoresTheSameNoIntervalOrProfileChartIsDrawn() throws Exception {
        List<EpisodeRecord> episodes = new ArrayList<>();
        for (String system : List.of("a×react", "b×react")) {
            for (int t = 0; t < 4; t++) {
                Grade invalid = Grade.invalid("task-" + t, true, "the submission has no id column", null, false);
                episodes.add(new EpisodeRecord(EpisodeRecord.SCHEMA_VERSION, "eval", system + t, system, "suite",
                        "task-" + t, "tabular", 0, invalid, 0, "answer", 1000, 3));
            }
        }

        Reports.write(new ReportInput(episodes, List.of(), "a×react", 1, Map.of()), work);
        String html = Files.readString(work.resolve("index.html"));

        assertTrue(html.contains("Every run scores 0.000, so the interval and profile charts would each show a "
                + "single point; they are not drawn."), "says why the charts are missing");
        assertFalse(Files.exists(work.resolve("figures/aggregates-forest.svg")));
        assertFalse(Files.exists(work.resolve("figures/aggregates-profiles.svg")));
    }
}
