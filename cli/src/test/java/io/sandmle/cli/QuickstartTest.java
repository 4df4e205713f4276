package io.sandmle.cli;

import io.sandmle.runner.run.Experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.store.RunStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart at its smallest, for real: generated tasks, GRPO on sandboxed rollouts, untrained vs trained
 * on a held-out task and one fixture competition, the report. A missing provisioning script is one sentence.
 */
class QuickstartTest {

    @TempDir
    Path dir;

    @Test
    void generatesTrainsEvaluatesBothPoliciesAndWritesTheReport() throws Exception {
        Path fixtures = dir.resolve("fixtures");
        Files.createDirectories(fixtures);
        Files.createSymbolicLink(fixtures.resolve("tabular-playground-series-may-2022"),
                repoRoot().resolve("examples/fixtures/mle-bench-lite/tabular-playground-series-may-2022"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var sizes = new Quickstart.Sizes(1, 3, 1, 2, 2, 1, 4);
        Quickstart job = new Quickstart(Extensions.load(List.of()), dir.resolve("work"), fixtures, sizes,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        Experiment.Evaluated result = job.run(dir.resolve("no-such-provision.sh"));

        String log = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("[1/4 ") && log.contains("[4/4 "), log);
        assertTrue(log.contains("skipped: there is no " + dir.resolve("no-such-provision.sh")), log);
        assertTrue(log.contains("step 1/1"), "training progress: " + log);
        Path checkpoints = dir.resolve("work/runs/quickstart-train/checkpoints");
        assertTrue(Files.isDirectory(checkpoints.resolve("step-0001")), log);

        Set<String> systems = new TreeSet<>();
        Set<String> suites = new TreeSet<>();
        for (EpisodeRecord r : result.episodes()) {
            systems.add(r.system());
            suites.add(r.suite());
            assertTrue(r.grade() != null, "every episode graded: " + r);
        }
        assertEquals(Set.of("trained x react", "untrained x react"), systems);
        assertEquals(Set.of("mle-bench-lite", "synthetic"), suites);
        try (RunStore store = RunStore.open(result.runDir())) {
            assertTrue(store.curves().stream().anyMatch(c -> c.system().equals("trained x react")),
                    "the training curves are in the evaluation's run for the report");
        }
        Path index = result.report().orElseThrow();
        assertTrue(Files.readString(index).contains("untrained x react"));
        assertTrue(Files.size(index.resolveSibling("report.pdf")) > 1000);
    }

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("examples/fixtures"))) {
            p = p.getParent();
        }
        return p;
    }
}
