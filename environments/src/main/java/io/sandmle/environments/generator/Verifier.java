package io.sandmle.environments.generator;

import io.sandmle.api.Executor;
import io.sandmle.api.Grader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs the named verification checks on a generated task folder, stopping at the first failure. Works from
 * what is on disk alone, so a kept task can be re-verified at any time.
 */
public final class Verifier {

    private final List<Check> checks;

    public Verifier() {
        this(VerificationChecks.all());
    }

    Verifier(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** The names of the checks, in the order they run. */
    public List<String> checkNames() {
        return checks.stream().map(Check::name).toList();
    }

    /**
     * Verifies the task in {@code taskDir} with {@code grader}; code the task carries (a model-written
     * evaluator.py) runs only through {@code executor}'s sandbox.
     *
     * @return the failed check and why, or {@link Verdict#passed()} when every check passes
     */
    public Verdict verify(Path taskDir, Grader grader, Executor executor) {
        TaskUnderCheck task;
        try {
            task = new TaskUnderCheck(new TaskFolder(taskDir), grader, executor);
        } catch (Exception e) {
            return new Verdict("files-parse", "task.json does not parse: " + e.getMessage());
        }
        for (Check check : checks) {
            try {
                Optional<String> problem = check.problem(task);
                if (problem.isPresent()) {
                    return new Verdict(check.name(), problem.get());
                }
            } catch (Exception e) {
                return new Verdict(check.name(), "the check could not run: " + e);
            }
        }
        return Verdict.passed();
    }

    /**
     * A verification outcome.
     *
     * @param failedCheck the failed check's name, or {@code null} when the task passed
     * @param detail      one sentence on the failure, or {@code null}
     */
    public record Verdict(String failedCheck, String detail) {

        static Verdict passed() {
            return new Verdict(null, null);
        }

        public boolean ok() {
            return failedCheck == null;
        }
    }
}
