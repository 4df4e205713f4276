package io.sandmle.runner.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Takes {@code submission.csv} out of the agent's work folder before grading. The grader runs with the
 * harness's rights, so a submission that is a symbolic link (say, to the answers) must never be followed:
 * only a regular file is taken, copied or moved to a folder agent code cannot reach.
 */
final class SubmissionIntake {

    private SubmissionIntake() {
    }

    /** What was found: the graded copy, or why there is none. */
    record Intake(Path copy, boolean exists, String problem) {
    }

    /**
     * Copies (or with {@code move}, moves) {@code workDir/submission.csv} to {@code target}.
     * Returns an intake without a copy when the file is missing, not a regular file, or too large.
     */
    static Intake take(Path workDir, Path target, boolean move, long maxBytes) {
        Path sub = workDir.resolve("submission.csv");
        if (!Files.exists(sub, LinkOption.NOFOLLOW_LINKS)) {
            return new Intake(null, false, null);
        }
        if (!Files.isRegularFile(sub, LinkOption.NOFOLLOW_LINKS)) {
            return new Intake(null, true, "submission.csv must be a regular file, not a link or a folder.");
        }
        try {
            if (Files.size(sub) > maxBytes) {
                return new Intake(null, true, "submission.csv is larger than " + maxBytes + " bytes.");
            }
            Files.createDirectories(target.getParent());
            if (move) {
                Files.move(sub, target, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
            } else {
                Files.copy(sub, target, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
            }
            return new Intake(target, true, null);
        } catch (IOException e) {
            return new Intake(null, true, "submission.csv could not be read: " + e.getMessage());
        }
    }
}
