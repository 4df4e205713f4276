package io.sandmle.environments.generator;

import java.util.Optional;

/** One named verification check; a task that fails any is dropped and the check's name counted. */
interface Check {

    /** A short stable name used as the drop reason ({@code thresholds-monotone}, {@code no-leak} …). */
    String name();

    /** One sentence on what is wrong, or empty when the task passes. */
    Optional<String> problem(TaskUnderCheck task) throws Exception;
}
