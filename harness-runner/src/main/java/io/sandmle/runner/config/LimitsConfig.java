package io.sandmle.runner.config;

import io.sandmle.api.Limits;
import java.time.Duration;

/**
 * Resource limits of one code step, written the way people say them ({@code 5m}, {@code 4g}), and the GPUs an
 * episode holds ({@code gpus}, default 0). Absent keys take {@link Limits#defaults()}.
 */
public record LimitsConfig(Duration wallTime, Duration cpuTime, ByteSize memory, Integer processes,
                           Integer openFiles, ByteSize output, ByteSize disk, Integer tailChars, Integer gpus) {

    public LimitsConfig {
        Limits d = Limits.defaults();
        wallTime = Checks.orDefault(wallTime, d.wallTime());
        cpuTime = Checks.orDefault(cpuTime, d.cpuTime());
        memory = Checks.orDefault(memory, new ByteSize(d.memoryBytes()));
        processes = Checks.orDefault(processes, d.maxProcesses());
        openFiles = Checks.orDefault(openFiles, d.maxOpenFiles());
        output = Checks.orDefault(output, new ByteSize(d.maxOutputBytes()));
        disk = Checks.orDefault(disk, new ByteSize(d.maxDiskBytes()));
        tailChars = Checks.orDefault(tailChars, d.tailChars());
        gpus = Checks.orDefault(gpus, d.gpus());
        Checks.require(gpus >= 0, "gpus", "gpus must be 0 or more");
        Checks.require(processes > 0 && openFiles > 0 && tailChars > 0, "processes",
                "processes, open-files and tail-chars must be positive");
    }

    static LimitsConfig defaults() {
        return new LimitsConfig(null, null, null, null, null, null, null, null, null);
    }

    public Limits toLimits() {
        return new Limits(wallTime, cpuTime, memory.bytes(), processes, openFiles, output.bytes(), disk.bytes(),
                tailChars, gpus);
    }
}
