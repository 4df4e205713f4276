package io.sandmle.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ExecResult;
import io.sandmle.api.Limits;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxException;
import io.sandmle.api.SandboxSpec;
import io.sandmle.executors.local.Cgroups;
import io.sandmle.executors.local.LocalExecutor;
import io.sandmle.executors.local.LocalOptions;
import io.sandmle.executors.local.SandboxUser;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a machine without bubblewrap, agent code runs only after an explicit unsafe opt-in. */
class NoBubblewrapTest {

    @TempDir
    Path tmp;

    private LocalExecutor withoutBwrap() {
        return new LocalExecutor(new LocalOptions(true, Duration.ofSeconds(5)),
                new LocalExecutor.Machine(null, SandboxUser.resolve(), Cgroups.detect()));
    }

    @Test
    void refusesWithOneSentenceSayingHowToInstallIt() {
        SandboxSpec spec = new SandboxSpec(tmp.resolve("work"), null, null, Limits.defaults(), false);
        SandboxException e = assertThrows(SandboxException.class, () -> withoutBwrap().open(spec));
        assertTrue(e.getMessage().contains("apt-get install bubblewrap"), e.getMessage());
        assertEquals(1, e.getMessage().split("\\. ").length, "one sentence: " + e.getMessage());
    }

    @Test
    void runsUnconfinedOnlyWhenAllowed() throws Exception {
        SandboxSpec spec = new SandboxSpec(tmp.resolve("work"), null, null, Limits.defaults(), true);
        try (Sandbox sb = withoutBwrap().open(spec)) {
            ExecResult r = sb.run("import os\nprint(os.getcwd())");
            assertTrue(r.succeeded(), r.toString());
            assertTrue(r.stdoutTail().contains(tmp.resolve("work").toString()), r.stdoutTail());
        }
    }
}
