package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.runner.config.RepoFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "train an LLM with your RL engine" tour: the example server config, served as written (only
 * its port is picked free), is played to the end by the example client.
 */
class RlEnginesExampleTest {

    @TempDir
    Path dir;

    @Test
    void theExampleClientPlaysAnEpisodeOfTheExampleServerToTheEnd() throws Exception {
        Path root = RepoFiles.root();
        // The example's relative paths (../fixtures, ../../runs) resolve in a copy, so the run folder stays here.
        Path examples = Files.createDirectories(dir.resolve("examples/rl-engines"));
        Path config = Files.copy(root.resolve("examples/rl-engines/env-server.yaml"), examples.resolve("env-server.yaml"));
        Files.createSymbolicLink(dir.resolve("examples/fixtures"), root.resolve("examples/fixtures"));
        try (ListeningCommand server = ListeningCommand.start("ws://", "env-server", "--config", config.toString(),
                "--port", "0")) {
            Process play = new ProcessBuilder("/usr/bin/python3", root.resolve("examples/rl-engines/play.py").toString(),
                    "--url", server.address()).redirectErrorStream(true).start();
            String out = new String(play.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(play.waitFor(5, TimeUnit.MINUTES));
            assertEquals(0, play.exitValue(), out);
            assertTrue(out.contains("step submit"), out);
            assertTrue(out.contains("done: submitted, episode reward"), out);
        }
        assertTrue(Files.isDirectory(dir.resolve("runs/rl-env-server/episodes")));
    }
}
