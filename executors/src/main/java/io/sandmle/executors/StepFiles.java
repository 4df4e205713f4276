package io.sandmle.executors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An episode's step folder on the host: each step's code as run ({@code step_0001.py}) and its full,
 * capped logs ({@code step_0001.stdout.log}, {@code .stderr.log}). It is shown read-only inside the
 * sandbox at {@link SandboxPaths#STEPS} so the code file can be run from there.
 */
public final class StepFiles {

    private static final Pattern STEP_CODE = Pattern.compile("step_([0-9]{4,})\\.py");

    private final Path dir;
    private int count;

    /**
     * Creates (if needed) the step folder that belongs to {@code workDir}. Numbering goes on after the steps
     * already there, so an episode reopened elsewhere (a Slurm pool agent lost between steps) keeps its earlier ones.
     */
    public StepFiles(Path workDir) {
        this.dir = SandboxPaths.stepsDir(workDir);
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            try (Stream<Path> files = Files.list(dir)) {
                this.count = files.map(f -> STEP_CODE.matcher(f.getFileName().toString()))
                        .filter(Matcher::matches).mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the step folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The host folder. */
    public Path dir() {
        return dir;
    }

    /** Saves the code of a new step and returns its number (1-based). */
    public synchronized int add(String code) {
        int n = ++count;
        Path file = code(n);
        try {
            Files.writeString(file, code);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save step code to " + file + ": " + e.getMessage(), e);
        }
        return n;
    }

    /** Host path of step {@code n}'s code. */
    public Path code(int n) {
        return dir.resolve(SandboxPaths.stepName(n) + ".py");
    }

    /** Path of step {@code n}'s code as the sandbox sees it. */
    public String codeInside(int n) {
        return SandboxPaths.STEPS + "/" + SandboxPaths.stepName(n) + ".py";
    }

    /** Host path of step {@code n}'s full log for {@code stream} ({@code stdout} or {@code stderr}). */
    public Path log(int n, String stream) {
        return dir.resolve(SandboxPaths.stepName(n) + "." + stream + ".log");
    }
}
