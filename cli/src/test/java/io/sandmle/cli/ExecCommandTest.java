package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.support.doubles.MicroTask;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sandmle exec} on a task folder in the synthetic layout, as a user runs it. */
class ExecCommandTest {


    @TempDir
    Path tmp;

    @Test
    void runsOneStepAndPrintsWhatTheAgentSees() throws Exception {
        MicroTask.create(tmp.resolve("task"));
        Path code = Files.writeString(tmp.resolve("solve.py"), MicroTask.randomForestScript());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = SandmleCommand.newCommandLine().execute("exec", "--task", tmp.resolve("task").toString(),
                    "--episode-dir", tmp.resolve("ep").toString(), "--score", code.toString());
        } finally {
            System.setOut(old);
        }
        String shown = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, shown);
        assertTrue(shown.startsWith("[Output]\nwrote 50 predictions"), shown);
        assertTrue(shown.contains("\nSubmission OK"), "the synthetic suite's grader scored it: " + shown);
        assertTrue(Files.exists(tmp.resolve("ep/work/submission.csv")));
    }

    @Test
    void escapeSequencesTheStepPrintsAreShownEscapedAndKeptRawOnlyInTheLog() throws Exception {
        MicroTask.create(tmp.resolve("task"));
        Path code = Files.writeString(tmp.resolve("title.py"),
                "print('\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31mred\\x1b[0m \\x9b6n')\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            SandmleCommand.newCommandLine().execute("exec", "--task", tmp.resolve("task").toString(),
                    "--episode-dir", tmp.resolve("ep").toString(), code.toString());
        } finally {
            System.setOut(old);
        }
        String shown = out.toString(StandardCharsets.UTF_8);
        assertTrue(shown.chars().noneMatch(c -> c == 0x1b || c == 0x07 || c == 0x9b), "raw control characters: " + shown);
        assertTrue(shown.contains("\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31mred\\x1b[0m \\x9b6n"), shown);
        String log = Files.readString(tmp.resolve("ep/work-steps/step_0001.stdout.log"));
        assertTrue(log.startsWith("\u001b]0;pwned\u0007\u001b[2J"), "the step log keeps the raw bytes: " + log);
    }

    @Test
    void aFolderThatIsNotATaskIsBadInput() throws Exception {
        Path code = Files.writeString(tmp.resolve("x.py"), "print(1)");
        CommandLine cli = SandmleCommand.newCommandLine();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        cli.setErr(new java.io.PrintWriter(err, true));
        int exit = cli.execute("exec", "--task", tmp.toString(), code.toString());
        assertEquals(SandmleCommand.BAD_INPUT, exit);
        assertTrue(err.toString().contains("is not a task folder"), err.toString());
    }
}
