package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

    @TempDir
    Path tmp;

    @Test
    void withBubblewrapHiddenFromPathDoctorSaysSoAndExitsThree() throws Exception {
        Path pathWithoutBwrap = Files.createDirectories(tmp.resolve("bin"));
        linkEveryToolOnPathExcept("bwrap", pathWithoutBwrap);

        CliRun run = ChildJvm.run(Map.of("PATH", pathWithoutBwrap.toString()), "doctor");

        assertEquals(SandmleCommand.ENVIRONMENT, run.exitCode(), run.out());
        String bubblewrap = run.out().lines().filter(l -> l.contains("bubblewrap")).findFirst().orElse("");
        assertTrue(bubblewrap.startsWith("MISSING") && bubblewrap.contains("bwrap is not on PATH")
                && bubblewrap.contains("apt-get install -y bubblewrap"), run.out());
        assertTrue(run.out().contains("required piece(s) missing"), run.out());
    }

    @Test
    void aMissingInterpreterIsOneLineWithItsFix() {
        CliRun run = CliRun.of("doctor", "--python", tmp.resolve("no-python").toString());
        assertEquals(SandmleCommand.ENVIRONMENT, run.exitCode(), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("MISSING") && l.contains("no-python does not exist")
                && l.contains("apt-get install -y python3 python3-numpy")), run.out());
    }

    @Test
    void theInterpreterCanComeFromAnExperimentConfig() throws Exception {
        Path config = Files.writeString(tmp.resolve("c.yaml"), "run: x\nsuites:\n  - {name: s, data-dir: t}\n"
                + "executor:\n  python: " + tmp.resolve("configured-python") + "\n");
        CliRun run = CliRun.of("doctor", "--config", config.toString());
        assertEquals(SandmleCommand.ENVIRONMENT, run.exitCode(), run.out());
        assertTrue(run.out().contains("configured-python does not exist"), run.out());
    }

    @Test
    void everyCheckReportsALine() {
        CliRun run = CliRun.of("doctor");
        for (String subject : new String[] {"java", "python", "bubblewrap", "slurm", "database", "disk"}) {
            assertTrue(run.out().lines().anyMatch(l -> l.matches("(OK|WARN|MISSING)\\s+" + subject + "\\b.*")),
                    subject + " missing from:\n" + run.out());
        }
        assertTrue(run.out().contains("OK      database      DuckDB"), run.out());
    }

    /** Fills {@code bin} with links to every executable on this process's PATH but {@code hidden}. */
    private static void linkEveryToolOnPathExcept(String hidden, Path bin) throws IOException {
        for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
            Path folder = Path.of(dir);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> tools = Files.list(folder)) {
                for (Path tool : tools.filter(Files::isExecutable).toList()) {
                    Path link = bin.resolve(tool.getFileName());
                    if (!tool.getFileName().toString().equals(hidden) && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, tool);
                    }
                }
            }
        }
    }
}
