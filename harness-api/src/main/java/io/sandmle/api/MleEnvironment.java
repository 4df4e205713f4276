package io.sandmle.api;

import java.util.List;

/**
 * The environment every scaffold acts in, one per episode: MLE-Dojo's five actions and
 * SandMLE's two tools over one sandboxed work folder. Every call is recorded in {@link #history()}.
 */
public interface MleEnvironment extends AutoCloseable {

    /** The task being solved. */
    Task task();

    /** MLE-Dojo {@code request_info}: {@code overview}, {@code data_structure}, {@code sample_submission} … */
    StepRecord requestInfo(String infoType);

    /** MLE-Dojo {@code validate_code}: runs the code and checks the submission's format without scoring it. */
    StepRecord validateCode(String code);

    /** MLE-Dojo {@code execute_code}: runs the code, then grades {@code submission.csv}. */
    StepRecord executeCode(String code);

    /** SandMLE {@code PythonInterpreter}: runs the code and returns its output; no grading. */
    StepRecord python(String code);

    /** SandMLE {@code Score}: grades the current {@code submission.csv}. */
    StepRecord score();

    /** MLE-Dojo {@code reset}: empties the work folder and the history. */
    void reset();

    /** MLE-Dojo {@code get_history}: every action so far. */
    List<StepRecord> history();

    /** The best valid grade seen so far in this episode, or the latest grade, or {@code null}. */
    Grade bestGrade();

    /** What the episode's code has used of the machine so far, or {@code null} when the environment does not measure it. */
    default ResourceUse resourceUse() {
        return null;
    }

    @Override
    void close();
}
