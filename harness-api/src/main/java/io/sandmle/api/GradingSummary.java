package io.sandmle.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A batch of grading reports with MLE-bench's summary totals ({@code grade.aggregate_reports}). */
@JsonPropertyOrder({"total_runs", "total_runs_with_submissions", "total_valid_submissions", "total_medals",
        "total_gold_medals", "total_silver_medals", "total_bronze_medals", "total_above_median",
        "competition_reports"})
public record GradingSummary(
        @JsonProperty("total_runs") int totalRuns,
        @JsonProperty("total_runs_with_submissions") int totalRunsWithSubmissions,
        @JsonProperty("total_valid_submissions") int totalValidSubmissions,
        @JsonProperty("total_medals") int totalMedals,
        @JsonProperty("total_gold_medals") int totalGoldMedals,
        @JsonProperty("total_silver_medals") int totalSilverMedals,
        @JsonProperty("total_bronze_medals") int totalBronzeMedals,
        @JsonProperty("total_above_median") int totalAboveMedian,
        @JsonProperty("competition_reports") List<GradeReport> competitionReports) {

    public GradingSummary {
        competitionReports = List.copyOf(competitionReports);
    }

    /** Totals over {@code reports}. */
    public static GradingSummary of(List<GradeReport> reports) {
        int exists = 0, valid = 0, gold = 0, silver = 0, bronze = 0, above = 0;
        for (GradeReport r : reports) {
            exists += r.submissionExists() ? 1 : 0;
            valid += r.validSubmission() ? 1 : 0;
            gold += r.goldMedal() ? 1 : 0;
            silver += r.silverMedal() ? 1 : 0;
            bronze += r.bronzeMedal() ? 1 : 0;
            above += r.aboveMedian() ? 1 : 0;
        }
        return new GradingSummary(reports.size(), exists, valid, gold + silver + bronze, gold, silver, bronze, above,
                reports);
    }
}
