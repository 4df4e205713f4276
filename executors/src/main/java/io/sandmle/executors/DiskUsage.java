package io.sandmle.executors;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Measures and trims the disk use of an episode's work folder (no file-system quotas are assumed). */
public final class DiskUsage {

    private DiskUsage() {
    }

    /** Bytes used by the regular files under {@code dir}, not following links. */
    public static long of(Path dir) {
        return files(dir).stream().mapToLong(FileSize::bytes).sum();
    }

    /**
     * Deletes the largest files under {@code dir} until it uses at most {@code maxBytes}; returns the names
     * deleted, so the episode can say what the harness removed.
     */
    public static List<String> trimTo(Path dir, long maxBytes) {
        List<FileSize> all = new ArrayList<>(files(dir));
        all.sort(Comparator.comparingLong(FileSize::bytes).reversed());
        long used = all.stream().mapToLong(FileSize::bytes).sum();
        List<String> deleted = new ArrayList<>();
        for (FileSize f : all) {
            if (used <= maxBytes) {
                break;
            }
            try {
                Files.deleteIfExists(f.path());
                used -= f.bytes();
                deleted.add(dir.relativize(f.path()).toString());
            } catch (IOException e) {
                // Keep going: another file may free enough.
            }
        }
        return deleted;
    }

    private record FileSize(Path path, long bytes) {
    }

    private static List<FileSize> files(Path dir) {
        List<FileSize> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        out.add(new FileSize(file, attrs.size()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A folder that vanished uses nothing.
        }
        return out;
    }
}
