package io.sandmle.runner.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Writes a file so that, once the call returns, it survives a crash of the process or the machine. */
public final class DurableFiles {

    private DurableFiles() {
    }

    /**
     * Writes {@code bytes} to a temporary sibling, forces it to disk, renames it over {@code target}
     * atomically and forces the folder entry, so {@code target} is either absent, the old content or the
     * whole new content, never a torn write.
     */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temporary = folder.resolve(target.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            var buffer = java.nio.ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceFolder(folder);
    }

    /**
     * Copies the folder {@code from} into the new folder {@code to} (files and sub-folders), forcing every file and
     * every folder entry to disk before returning, so that once it returns the copy survives a crash.
     */
    static void copyTree(Path from, Path to) throws IOException {
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    folders.add(Files.createDirectories(target));
                } else if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    try (FileChannel copy = FileChannel.open(target, StandardOpenOption.WRITE)) {
                        copy.force(true);
                    }
                } // a link an agent left in its episode folder is not followed out of it
            }
        }
        for (Path folder : folders) {
            forceFolder(folder);
        }
        forceFolder(to.getParent());
    }

    /** Flushes a folder's entries (a rename or a new file) to disk; Linux allows opening a folder read-only. */
    static void forceFolder(Path folder) throws IOException {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}
