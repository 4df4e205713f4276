package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.runner.config.RepoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidateCommandTest {

    @TempDir
    Path tmp;

    @Test
    void theExampleIsValidAndSummarised() {
        CliRun run = CliRun.of("config", "validate", RepoFiles.root().resolve("examples/configs/quick-eval.yaml").toString());
        assertEquals(SandmleCommand.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("is valid: run 'quick-eval'"), run.out());
        assertTrue(run.out().contains("4 system(s) (scaffold x policy), 3 seed(s), training with grpo"), run.out());
    }

    @Test
    void aMisspeltKeyIsOneLineOnStderrAndExitCodeTwo() throws Exception {
        Path config = Files.writeString(tmp.resolve("bad.yaml"), "run: x\nsuites:\n  - name: s\n    data-dirr: t\n");
        CliRun run = CliRun.of("config", "validate", config.toString());
        assertEquals(SandmleCommand.BAD_INPUT, run.exitCode());
        assertEquals("sandmle: " + config + " line 4: unknown key 'data-dirr' in suites[0]; did you mean 'data-dir'?\n",
                run.err());
    }

    @Test
    void aMissingFileIsExitCodeTwo() {
        CliRun run = CliRun.of("config", "validate", tmp.resolve("none.yaml").toString());
        assertEquals(SandmleCommand.BAD_INPUT, run.exitCode());
        assertTrue(run.err().contains("does not exist"), run.err());
    }
}
