package io.sandmle.cli;

import io.sandmle.api.Grade;
import io.sandmle.api.GradeReport;
import io.sandmle.api.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sandmle grade-sample}: grades one submission like {@code mlebench grade-sample} and prints the report JSON. */
@Command(name = "grade-sample", mixinStandardHelpOptions = true,
        description = "Grade one submission CSV for one competition and print the grading report JSON.")
public final class GradeSampleCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<submission.csv>", description = "The submission file.")
    Path submission;

    @Parameters(index = "1", paramLabel = "<competition-id>", description = "The competition, e.g. spooky-author-identification.")
    String competitionId;

    @Mixin
    GradingOptions grading;

    @Mixin
    PluginPathOption pluginPath;

    @Override
    public Integer call() throws Exception {
        grading.load(pluginPath.load(), List.of(competitionId));
        Task task = grading.task(competitionId);
        if (task == null) {
            throw new IllegalArgumentException("'" + competitionId + "' is not a competition of --format "
                    + grading.format + "; check the id.");
        }
        Grade grade = grading.grader(task).grade(task, submission);
        System.out.println(GradingOptions.JSON.writeValueAsString(GradeReport.of(grade, submission.toString())));
        return SandmleCommand.OK;
    }
}
