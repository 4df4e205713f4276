package io.sandmle.trainers.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sandmle.api.Task;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Creates and loads the test-scope micro tasks (make_tasks.py, contract-1 layout). */
public final class MicroTasks {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private MicroTasks() {
    }

    /** Writes tasks {@code first .. first+count-1} of generator seed {@code seed} under {@code dir}. */
    public static List<Task> create(Path dir, int first, int count, int seed) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path script = dir.resolve("make_tasks.py");
        try (InputStream in = MicroTasks.class.getResourceAsStream("/microtasks/make_tasks.py")) {
            Files.write(script, in.readAllBytes());
        }
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", script.toString(), dir.toString(),
                String.valueOf(first), String.valueOf(count), String.valueOf(seed)).inheritIO();
        // One OpenMP thread: on a busy machine scikit-learn's spinning thread pools are many times slower.
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        Process p = pb.start();
        if (p.waitFor() != 0) {
            throw new IOException("make_tasks.py failed");
        }
        List<Task> tasks = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            String prefix = "-" + seed + "-" + String.format("%04d", i);
            try (Stream<Path> s = Files.list(dir)) {
                for (Path d : s.filter(d -> d.getFileName().toString().endsWith(prefix)).toList()) {
                    tasks.add(load(d));
                }
            }
        }
        return tasks;
    }

    public static Task load(Path taskDir) throws IOException {
        return JSON.readValue(taskDir.resolve("task.json").toFile(), Task.class).withRoot(taskDir);
    }
}
