package io.sandmle.executors.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Small helpers for reading and writing cgroup control files, which never throw for a vanished group. */
final class CgroupFiles {

    private CgroupFiles() {
    }

    static void write(Path file, String value) {
        try {
            Files.writeString(file, value);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + value + " to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes when the file exists (optional controls such as memsw); returns whether it did. */
    static boolean writeIfPresent(Path file, String value) {
        if (!Files.exists(file)) {
            return false;
        }
        try {
            Files.writeString(file, value);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return "";
        }
    }

    static long readLong(Path file) {
        String s = read(file);
        try {
            return s.isEmpty() || s.equals("max") ? 0 : Long.parseLong(s.split("\\s+")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The value of {@code key} in a flat-keyed file such as memory.stat or memory.events. */
    static long keyed(Path file, String key) {
        for (String line : read(file).split("\n")) {
            String[] kv = line.trim().split("\\s+");
            if (kv.length == 2 && kv[0].equals(key)) {
                return Long.parseLong(kv[1]);
            }
        }
        return 0;
    }

    static List<Long> pids(Path procsFile) {
        List<Long> pids = new ArrayList<>();
        for (String line : read(procsFile).split("\n")) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.trim()));
            }
        }
        return pids;
    }

    /**
     * Kills every process listed in {@code procsFile} but the spared ones, until none is left. The group is
     * frozen around each kill round so no member can fork while it runs (the spared are thawed with the
     * rest); {@code killFile} (v2's cgroup.kill, or {@code null}) kills everything at once when nothing is spared.
     */
    static void sweep(Path procsFile, Collection<Long> spare, Path freezeFile, String frozen, String thawed,
                      Path killFile) {
        for (int round = 0; round < 200; round++) {
            List<Long> left = pids(procsFile).stream().filter(p -> !spare.contains(p)).toList();
            if (left.isEmpty()) {
                return;
            }
            if (spare.isEmpty() && killFile != null && writeIfPresent(killFile, "1")) {
                sleep(5);
                continue;
            }
            writeIfPresent(freezeFile, frozen);
            left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            writeIfPresent(freezeFile, thawed);
            sleep(5);
        }
    }

    /** Removes a cgroup directory, retrying while the kernel finishes reaping its members. */
    static void remove(Path dir) {
        for (int i = 0; i < 100 && Files.exists(dir); i++) {
            try {
                Files.delete(dir);
            } catch (IOException e) {
                sleep(10);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
