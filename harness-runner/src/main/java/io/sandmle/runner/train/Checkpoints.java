package io.sandmle.runner.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A run's checkpoint folder, {@code runs/<run>/checkpoints/step-NNNN/}. Trainers write a checkpoint's
 * {@code policy.json} last, so a folder without it is one a crash interrupted and is never resumed from.
 */
public final class Checkpoints {

    /** The file a complete checkpoint ends with. */
    static final String COMPLETE_MARK = "policy.json";

    private Checkpoints() {
    }

    /** The checkpoint folder of a run folder. */
    public static Path of(Path runDir) {
        return runDir.resolve("checkpoints");
    }

    /** The newest complete {@code step-NNNN} checkpoint in {@code dir}, if any. */
    public static Optional<Path> newest(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().matches("step-\\d+"))
                    .filter(p -> Files.isRegularFile(p.resolve(COMPLETE_MARK)))
                    .max(Comparator.comparingLong(Checkpoints::step));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list checkpoints in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static long step(Path checkpoint) {
        return Long.parseLong(checkpoint.getFileName().toString().substring("step-".length()));
    }
}
