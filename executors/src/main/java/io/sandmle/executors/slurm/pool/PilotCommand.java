package io.sandmle.executors.slurm.pool;

import io.sandmle.executors.slurm.JobScript;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The shell command a pilot job runs: this harness's own JVM and class path (on the file system the compute
 * nodes share, as Slurm clusters have) starting a {@link PoolAgent}. The agent's heap is small: the ML work
 * happens in its Python workers, not in it.
 */
final class PilotCommand {

    private PilotCommand() {
    }

    static String agent(Path poolDir, String registration, Duration orphanAfter) {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.isEmpty()).map(p -> Path.of(p).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        List<String> argv = Stream.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                PoolAgent.class.getName(), poolDir.toString(), registration,
                Long.toString(orphanAfter.toSeconds())).toList();
        return "exec " + argv.stream().map(JobScript::quote).collect(Collectors.joining(" "));
    }
}
