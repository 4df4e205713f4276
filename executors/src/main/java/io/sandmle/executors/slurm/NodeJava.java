package io.sandmle.executors.slurm;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The command that runs one of this harness's classes on a compute node: this harness's own JVM and class path (on
 * the file system the compute nodes share, as Slurm clusters have). Its heap is small: what runs there only serves or
 * prepares sandboxes, the ML work happens in their Python processes.
 */
public final class NodeJava {

    private NodeJava() {
    }

    /** {@code java … main args}, as words. */
    public static List<String> argv(Class<?> main, List<String> args) {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.isEmpty()).map(p -> Path.of(p).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        return Stream.concat(Stream.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", classPath, main.getName()),
                args.stream()).toList();
    }
}
