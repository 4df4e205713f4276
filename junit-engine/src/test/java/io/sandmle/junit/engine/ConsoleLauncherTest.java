package io.sandmle.junit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.console.ConsoleLauncher;

/**
 * The engine under the JUnit ConsoleLauncher, as a CI job without Maven runs it: a class-path scan finds
 * both the annotated suite class and the {@code *.suite.yaml} file, failures set the exit code, and the
 * launcher's XML report carries every grade as report entries.
 */
class ConsoleLauncherTest {

    @TempDir
    Path dir;

    @Test
    void aClassPathScanRunsBothSuitesAndTheXmlReportCarriesTheGrades() throws Exception {
        Path testClasses = Path.of(FixedScriptSuite.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path reports = dir.resolve("reports");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = ConsoleLauncher.run(new PrintWriter(out), new PrintWriter(err), "execute", "--disable-banner",
                "--disable-ansi-colors", "--details=tree", "--scan-classpath", testClasses.toString(),
                "--include-engine=sandmle", "--config=sandmle.runs-dir=" + dir.resolve("runs"),
                "--reports-dir=" + reports).getExitCode();

        String tree = out.toString();
        assertEquals(1, exit, "spooky's invalid submissions and the 90% valid rate fail:\n" + tree + err);
        assertTrue(tree.contains("FixedScriptSuite"), tree);
        assertTrue(tree.contains("fixed-medal"), tree);
        assertTrue(tree.contains("tabular-playground-series-may-2022, seed 1"), tree);
        assertTrue(tree.matches("(?s).*\\[\\s+6 tests successful\\s+].*\\[\\s+5 tests failed\\s+].*"), tree);
        String xml = Files.readString(reports.resolve("TEST-sandmle.xml"));
        assertTrue(xml.contains("<testcase name=\"tabular-playground-series-may-2022, seed 0\""), xml);
        assertTrue(xml.contains("- score: 0."), xml);
        assertTrue(xml.contains("- medal: none"), xml);
        assertTrue(xml.contains("- runDir: " + dir.resolve("runs")), xml);
    }
}
