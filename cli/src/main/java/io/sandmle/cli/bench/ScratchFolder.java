package io.sandmle.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A new, empty folder that a benchmark writes into; removed on close unless it is to be kept for a look. */
public final class ScratchFolder implements AutoCloseable {

    private final Path path;
    private final boolean kept;

    private ScratchFolder(Path path, boolean kept) {
        this.path = path;
        this.kept = kept;
    }

    /** A folder in the system's temporary folder, removed on close. */
    public static ScratchFolder temporary(String prefix) throws IOException {
        return new ScratchFolder(Files.createTempDirectory(prefix), false);
    }

    /** A folder under {@code parent} (created when missing) that close leaves in place. */
    public static ScratchFolder keptUnder(Path parent, String prefix) throws IOException {
        return new ScratchFolder(Files.createTempDirectory(Files.createDirectories(parent), prefix), true);
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (kept) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(path)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }
}
