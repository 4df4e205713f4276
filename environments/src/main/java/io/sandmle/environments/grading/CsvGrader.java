package io.sandmle.environments.grading;

import io.sandmle.api.ColumnTable;
import io.sandmle.api.Grade;
import io.sandmle.api.Grader;
import io.sandmle.api.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Grades a CSV submission against an answers CSV in the task's private folder, the way
 * {@code mlebench.grade.grade_csv} does: a missing file or a non-{@code .csv} name means no
 * submission; anything the score function or the reader throws makes the submission invalid with
 * that one sentence; nothing escapes.
 */
public final class CsvGrader implements Grader {

    /** Scores a parsed submission against the parsed answers; throws to declare the submission invalid. */
    @FunctionalInterface
    public interface ScoreFunction {
        double score(Submission submission, Submission answers);
    }

    /** Turns a raw score into the final grade (rounding, medals, HumanRank …). */
    @FunctionalInterface
    public interface Finisher {
        Grade finish(Task task, double rawScore);
    }

    private final String answersFile;
    private final ScoreFunction score;
    private final Finisher finisher;
    private final long maxBytes;
    private volatile ColumnTable answers;

    public CsvGrader(String answersFile, ScoreFunction score, Finisher finisher, long maxBytes) {
        this.answersFile = answersFile;
        this.score = score;
        this.finisher = finisher;
        this.maxBytes = maxBytes;
    }

    /** MLE-bench's finishing step: round to 5 decimals, then medals and above-median from the task's thresholds. */
    public static Finisher mleBench(Rounding rounding) {
        return (task, raw) -> {
            double s = rounding.round5(raw);
            return new Grade(Grade.SCHEMA_VERSION, task.id(), true, true, s, null,
                    Medals.medal(s, task.thresholds(), task.lowerIsBetter()),
                    Medals.aboveMedian(s, task.thresholds(), task.lowerIsBetter()), null, task.thresholds(),
                    task.lowerIsBetter());
        };
    }

    @Override
    public Grade grade(Task task, Path submission) {
        if (submission == null || !Files.isRegularFile(submission)) {
            return Grade.invalid(task.id(), false, "No submission file was found at " + submission + ".",
                    task.thresholds(), task.lowerIsBetter());
        }
        if (!submission.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return Grade.invalid(task.id(), false, "The submission " + submission.getFileName()
                    + " is not a .csv file.", task.thresholds(), task.lowerIsBetter());
        }
        try {
            ColumnTable sub = CsvReader.read(submission, maxBytes);
            double raw = score.score(Submission.of(sub), Submission.answers(answers(task)));
            return finisher.finish(task, raw);
        } catch (InvalidSubmissionException e) {
            return invalid(task, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return invalid(task, "The submission could not be scored: " + describe(e));
        }
    }

    private static Grade invalid(Task task, String reason) {
        return Grade.invalid(task.id(), true, reason, task.thresholds(), task.lowerIsBetter());
    }

    private static String describe(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.endsWith(".") ? m : m + ".";
    }

    /** The answers, read once per grader (they never change during a run). */
    private ColumnTable answers(Task task) {
        ColumnTable a = answers;
        if (a == null) {
            Path file = task.privateDir().resolve(answersFile);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("The answers file " + file + " is missing; prepare the data first");
            }
            a = CsvReader.read(file, Long.MAX_VALUE);
            answers = a;
        }
        return a;
    }
}
