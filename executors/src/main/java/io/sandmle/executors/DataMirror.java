package io.sandmle.executors;

import io.sandmle.api.SandboxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An episode's own view of the task's public folder, beside its work folder under a neutral name, which the
 * sandbox mounts at {@value SandboxPaths#DATA}. A bind mount's source path shows in the sandbox's
 * {@code /proc/self/mountinfo}; mounting the task folder itself would tell agent code where the task, and so
 * its private answers, live on the host. The view is made of hard links (no data is copied; the mount is
 * read-only, so the task's files cannot be changed through it), with copies only where a link cannot be made
 * (another file system). It is removed when the sandbox closes.
 */
public final class DataMirror {

    private DataMirror() {
    }

    /**
     * The host folder to bind at {@value SandboxPaths#DATA} for a sandbox spec's public folder: its fresh view,
     * or {@code null} when the spec has none.
     */
    public static Path forSandbox(Path inputDir, Path workDir) throws SandboxException {
        if (inputDir == null) {
            return null;
        }
        try {
            return create(inputDir, workDir);
        } catch (IOException | RuntimeException e) {
            throw new SandboxException("Cannot prepare the task's public files for the sandbox (" + inputDir + "): "
                    + e.getMessage(), e);
        }
    }

    /** Builds the view of {@code publicDir} for the episode working in {@code workDir}; returns its host path. */
    public static Path create(Path publicDir, Path workDir) throws IOException {
        Path source = publicDir.toAbsolutePath().normalize();
        Path mirror = SandboxPaths.dataMirrorDir(workDir);
        remove(workDir);
        try (Stream<Path> all = Files.walk(source)) {
            for (Path p : all.toList()) {
                Path q = mirror.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(q);
                } else {
                    link(p, q);
                }
            }
        }
        return mirror;
    }

    /** Removes the episode's view (the task's files, hard-linked, stay untouched); a missing view is fine. */
    public static void remove(Path workDir) {
        Path mirror = SandboxPaths.dataMirrorDir(workDir);
        if (!Files.exists(mirror, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(mirror)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the sandbox's data view " + mirror + ": " + e.getMessage(), e);
        }
    }

    private static void link(Path file, Path link) throws IOException {
        try {
            Files.createLink(link, file);
        } catch (FileSystemException | UnsupportedOperationException e) {
            Files.copy(file, link, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
