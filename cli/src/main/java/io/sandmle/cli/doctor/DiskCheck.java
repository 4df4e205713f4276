package io.sandmle.cli.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Free space where run folders are written: episodes, trajectories and checkpoints need room. */
final class DiskCheck implements Check {

    static final long REQUIRED_BYTES = 1L << 30;
    static final long COMFORTABLE_BYTES = 5L << 30;

    private final Path folder;

    DiskCheck(Path folder) {
        this.folder = folder;
    }

    @Override
    public List<Finding> run(Machine machine) {
        Path existing = folder.toAbsolutePath();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            long free = Files.getFileStore(existing).getUsableSpace();
            String detail = String.format("%.1f GiB free in %s", free / (double) (1L << 30), existing);
            if (free >= COMFORTABLE_BYTES) {
                return List.of(Finding.ok("disk", detail));
            }
            return List.of(Finding.problem(free < REQUIRED_BYTES, "disk", detail + " (want 5 GiB, need 1 GiB)",
                    "free space there, or point runs-dir in the config to a larger disk"));
        } catch (IOException e) {
            return List.of(Finding.problem(true, "disk", "cannot read free space of " + existing + ": "
                    + e.getMessage(), "check that " + existing + " is readable"));
        }
    }
}
