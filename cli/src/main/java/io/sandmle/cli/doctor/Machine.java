package io.sandmle.cli.doctor;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The machine as the checks see it: tools found through {@code PATH} (never hard-coded locations,
 * so a user's PATH decides) and short commands run with a timeout.
 */
public final class Machine {

    private final String path;
    private final boolean root;

    /**
     * @param path the {@code PATH} to search, as the environment gives it
     * @param root whether fix commands can run without sudo
     */
    public Machine(String path, boolean root) {
        this.path = path == null ? "" : path;
        this.root = root;
    }

    /** This process's PATH and user. */
    public static Machine current() {
        return new Machine(System.getenv("PATH"), "root".equals(System.getProperty("user.name")));
    }

    /** The first executable named {@code tool} on PATH. */
    public Optional<Path> which(String tool) {
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, tool);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code apt-get install -y <packages>}, with sudo when not root. */
    public String aptInstall(String packages) {
        return (root ? "" : "sudo ") + "apt-get install -y " + packages;
    }

    /** Runs a command with PATH set to this machine's, merging stderr into the output. */
    public Ran run(List<String> command, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PATH", path);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            // Read while waiting, so a chatty command cannot block on a full pipe.
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Ran(-1, "no answer within " + timeout.toSeconds() + " s");
            }
            return new Ran(process.exitValue(), output.join().strip());
        } catch (IOException e) {
            return new Ran(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Ran(-1, "interrupted");
        }
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** A finished command: exit code ({@code -1} when it could not start or timed out) and its output. */
    public record Ran(int exitCode, String output) {

        public boolean succeeded() {
            return exitCode == 0;
        }

        /** The first line of the output, for one-line findings. */
        public String firstLine() {
            return output.lines().findFirst().orElse("(no output)");
        }
    }
}
