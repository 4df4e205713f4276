package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.runner.logging.RunLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./sandmle} launcher (on this build's class path) running one evaluation episode of the embedded
 * policy, whose DJL logs through SLF4J: no SLF4J warning, nothing logged on the console unless {@code --verbose},
 * and the run folder's {@code sandmle.log} has the run's story either way.
 */
class LoggingTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @TempDir
    Path work;

    @Test
    void quietByDefaultWithTheLogInTheRunFolder() throws Exception {
        String out = sandmle("eval", "--config", config("quiet").toString());
        assertFalse(out.contains("SLF4J"), out);
        assertFalse(out.contains(" INFO ") || out.contains(" WARNING ai.djl"),
                "no log lines on the console by default, not even DJL's GPU probe on this CPU-only machine:\n" + out);
        String log = Files.readString(work.resolve("runs/quiet").resolve(RunLog.FILE));
        assertTrue(log.contains("INFO io.sandmle.runner.run.Experiment: Run quiet opened in"), log);
        assertTrue(log.contains(" ai.djl."), "DJL's SLF4J messages reach the run's log through the provider:\n" + log);
        assertTrue(log.contains("Report of 1 episode(s) written to"), log);
    }

    @Test
    void verboseShowsTheLogOnTheConsoleToo() throws Exception {
        String out = sandmle("eval", "--config", config("loud").toString(), "--verbose");
        assertFalse(out.contains("SLF4J"), out);
        assertTrue(out.contains("INFO io.sandmle.runner.run.Experiment: Run loud opened in"), out);
    }

    private Path config(String run) throws Exception {
        Path file = work.resolve(run + ".yaml");
        Files.writeString(file, String.join("\n",
                "run: " + run,
                "runs-dir: runs",
                "suites:",
                "  - {name: mle-bench-lite, data-dir: " + ROOT.resolve("examples/fixtures/mle-bench-lite")
                        + ", tasks: [spooky-author-identification]}",
                "policies:",
                "  - {name: embedded, provider: embedded}",
                "budget: {max-turns: 2, episode-time: 3m, step-time: 1m}",
                ""));
        return file;
    }

    /** Runs the launcher as a user's shell would; returns stdout and stderr together after checking exit 0. */
    private String sandmle(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("sandmle").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().put("SANDMLE_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("SANDMLE_NO_PROVISION", "1");
        builder.environment().put("SANDMLE_JAVA_OPTS", "-Djava.io.tmpdir=" + work);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "sandmle " + String.join(" ", args) + " finished");
        assertEquals(0, process.exitValue(), out);
        return out;
    }
}
