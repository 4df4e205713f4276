package io.sandmle.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One submission's grading report with MLE-bench's fields, names and order
 * ({@code CompetitionReport.to_dict}); MLE-Dojo grading adds {@code human_rank} at the end.
 * Serialise with NaN written as a bare {@code NaN} token, as Python's json does.
 */
@JsonPropertyOrder({"competition_id", "score", "gold_threshold", "silver_threshold", "bronze_threshold",
        "median_threshold", "any_medal", "gold_medal", "silver_medal", "bronze_medal", "above_median",
        "submission_exists", "valid_submission", "is_lower_better", "created_at", "submission_path", "human_rank",
        "reason"})
public record GradeReport(
        @JsonProperty("competition_id") String competitionId,
        @JsonProperty("score") Double score,
        @JsonProperty("gold_threshold") Double goldThreshold,
        @JsonProperty("silver_threshold") Double silverThreshold,
        @JsonProperty("bronze_threshold") Double bronzeThreshold,
        @JsonProperty("median_threshold") Double medianThreshold,
        @JsonProperty("any_medal") boolean anyMedal,
        @JsonProperty("gold_medal") boolean goldMedal,
        @JsonProperty("silver_medal") boolean silverMedal,
        @JsonProperty("bronze_medal") boolean bronzeMedal,
        @JsonProperty("above_median") boolean aboveMedian,
        @JsonProperty("submission_exists") boolean submissionExists,
        @JsonProperty("valid_submission") boolean validSubmission,
        @JsonProperty("is_lower_better") boolean lowerIsBetter,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("submission_path") String submissionPath,
        @JsonProperty("human_rank") @JsonInclude(JsonInclude.Include.NON_NULL) Double humanRank,
        @JsonProperty("reason") @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

    /** Python's {@code datetime.isoformat()} with microseconds. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    /** The report of {@code grade}, created now. */
    public static GradeReport of(Grade grade, String submissionPath) {
        return of(grade, submissionPath, LocalDateTime.now());
    }

    /** The report of {@code grade} with a given creation time. */
    public static GradeReport of(Grade grade, String submissionPath, LocalDateTime createdAt) {
        Thresholds t = grade.thresholds();
        Medal m = grade.medal() == null ? Medal.NONE : grade.medal();
        return new GradeReport(grade.taskId(), grade.score(),
                t == null ? null : t.gold(), t == null ? null : t.silver(), t == null ? null : t.bronze(),
                t == null ? null : t.median(), m.any(), m == Medal.GOLD, m == Medal.SILVER, m == Medal.BRONZE,
                grade.aboveMedian(), grade.submissionExists(), grade.valid(), grade.lowerIsBetter(),
                createdAt.format(ISO), submissionPath, grade.humanRank(), grade.reason());
    }
}
