package io.sandmle.environments.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The layout of one generated task (docs/CONTRACTS.md §1): {@code task.json}, {@code prepared/public/},
 * {@code prepared/private/answers.csv}, plus {@code reference/} (ladder scripts, their submissions and the
 * rule's secrets) which, like private/, is never shown to agents.
 */
record TaskFolder(Path root) {

    Path publicDir() {
        return root.resolve("prepared").resolve("public");
    }

    Path privateDir() {
        return root.resolve("prepared").resolve("private");
    }

    Path referenceDir() {
        return root.resolve("reference");
    }

    Path ladderDir() {
        return referenceDir().resolve("ladder");
    }

    /** The stored submission of a ladder rung or control. */
    Path ladder(String rung) {
        return ladderDir().resolve(rung + ".csv");
    }

    /** Deletes a folder and everything under it; a missing folder is fine. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
