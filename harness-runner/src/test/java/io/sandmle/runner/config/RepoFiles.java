package io.sandmle.runner.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository root from a test, whatever folder Maven runs it in. */
public final class RepoFiles {

    private RepoFiles() {
    }

    /** The nearest folder upwards holding both {@code pom.xml} and the {@code sandmle} launcher. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("sandmle")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Tests must run inside the sandmle repository");
        }
        return dir;
    }

    /** The committed fixture tasks ({@code tiny-binary}) other modules' tests copy; a folder, not a jar entry. */
    public static Path fixtureTasks() {
        return root().resolve("harness-runner/src/test/resources/tasks");
    }
}
