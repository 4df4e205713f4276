package io.sandmle.runner.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.Reward;
import io.sandmle.api.RolloutGroup;
import io.sandmle.api.SandboxException;
import io.sandmle.api.Scaffold;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutEngineTest {

    @TempDir
    Path dir;

    @Test
    void runsEveryEpisodeInParallelAndRecordsIt() {
        MemorySink sink = new MemorySink(dir);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Scaffold sleepy = EnginePlans.sleepy(50);
        Scaffold counted = EnginePlans.scaffold(e -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                return sleepy.run(e);
            } finally {
                running.decrementAndGet();
            }
        });
        RolloutEngine engine = new RolloutEngine("r1", n -> counted, EnginePlans.environments(), null, 3);
        List<RolloutEngine.Outcome> out = engine.run(EnginePlans.plan(4, 3), sink, Progress.silent());
        assertEquals(12, out.size());
        assertEquals(12, sink.finishedEpisodeIds().size());
        assertEquals(3, peak.get());
        assertEquals("synthetic.task-2.sleepy.fixed.s1", out.get(7).record().episodeId());
        assertEquals("fixed x sleepy", out.get(0).record().system());
        assertEquals(1, out.get(0).record().turns());
        assertEquals(0.6, out.get(0).record().grade().score());
    }

    @Test
    void finishedEpisodesAreSkippedAndDuplicatesRunOnce() {
        MemorySink sink = new MemorySink(dir);
        Map<String, Integer> runs = new ConcurrentHashMap<>();
        Scaffold sleepy = EnginePlans.sleepy(0);
        Scaffold counting = EnginePlans.scaffold(e -> {
            runs.merge(e.episodeId(), 1, Integer::sum);
            return sleepy.run(e);
        });
        RolloutEngine engine = new RolloutEngine("r1", n -> counting, EnginePlans.environments(), null, 2);
        engine.run(EnginePlans.plan(2, 2).subList(0, 3), sink, Progress.silent());
        List<EpisodeSpec> plan = new java.util.ArrayList<>(EnginePlans.plan(2, 2));
        plan.add(plan.get(3));
        assertEquals(1, engine.run(plan, sink, Progress.silent()).size());
        assertEquals(4, runs.size());
        assertTrue(runs.values().stream().allMatch(n -> n == 1), runs.toString());
    }

    @Test
    void harnessAndEnvironmentFailuresAreRecordedAndTheRunGoesOn() {
        MemorySink sink = new MemorySink(dir);
        Scaffold sleepy = EnginePlans.sleepy(0);
        Scaffold flaky = EnginePlans.scaffold(e -> {
            if (e.seed() == 1) {
                throw new IllegalStateException("plugin bug");
            }
            return sleepy.run(e);
        });
        EnvironmentFactory envs = (task, grader, d, budget) -> {
            if (task.id().equals("task-1")) {
                throw new SandboxException("bubblewrap is not installed; install it or set executor allow-unsafe.");
            }
            return EnginePlans.environments().open(task, grader, d, budget);
        };
        new RolloutEngine("r1", n -> flaky, envs, null, 2).run(EnginePlans.plan(2, 2), sink, Progress.silent());
        Map<String, String> reasons = sink.records.stream().collect(Collectors.toMap(r -> r.episodeId(),
                r -> r.endReason()));
        assertEquals("answered", reasons.get("synthetic.task-0.sleepy.fixed.s0"));
        assertEquals("harness_error", reasons.get("synthetic.task-0.sleepy.fixed.s1"));
        assertEquals("environment_error", reasons.get("synthetic.task-1.sleepy.fixed.s0"));
        assertEquals(4, reasons.size());
    }

    @Test
    void summaryGivesRatesPerSystem() {
        MemorySink sink = new MemorySink(dir);
        new RolloutEngine("r1", n -> EnginePlans.sleepy(0), EnginePlans.environments(), null, 2)
                .run(EnginePlans.plan(4, 1), sink, Progress.silent());
        RunSummary.Row row = RunSummary.of(sink.records).get(0);
        assertEquals(4, row.episodes());
        assertEquals(1.0, row.validRate());
        assertEquals(0.75, row.aboveMedianRate());
        assertEquals(0.75, row.medalRate());
        assertTrue(RunSummary.table(List.of(row)).contains("fixed x sleepy"));
    }

    @Test
    void progressShowsCountsAndEta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true), false);
        MemorySink sink = new MemorySink(dir);
        RolloutEngine engine = new RolloutEngine("r1", n -> EnginePlans.sleepy(20), EnginePlans.environments(), null, 1);
        engine.run(EnginePlans.plan(1, 1), sink, Progress.silent());
        engine.run(EnginePlans.plan(1, 3), sink, progress);
        String text = bytes.toString();
        assertTrue(text.startsWith("Resuming: 1 of 3 episodes were already finished."), text);
        assertTrue(text.contains("] 3/3 100%"), text);
        assertTrue(text.contains("ETA "), text);
        assertEquals("2m5s", ConsoleProgress.format(java.time.Duration.ofSeconds(125)));
    }

    @Test
    void trainingGetsOneGroupPerTaskWithRewards() {
        MemorySink sink = new MemorySink(dir);
        RolloutEngine engine = new RolloutEngine("train", n -> EnginePlans.sleepy(0), EnginePlans.environments(),
                null, 2);
        TrainingRollouts training = new TrainingRollouts(engine, sink,
                t -> new Reward(t.finalGrade().score(), Map.of("score", t.finalGrade().score())), "synthetic",
                task -> null, "sleepy", io.sandmle.api.Budget.defaults(), io.sandmle.api.Sampling.defaults());
        List<RolloutGroup> groups = training.rollout(EnginePlans.POLICY,
                List.of(EnginePlans.task("task-0"), EnginePlans.task("task-1")), 4, 100);
        assertEquals(2, groups.size());
        assertEquals("task-1", groups.get(1).taskId());
        assertEquals(4, groups.get(0).rollouts().size());
        assertEquals(0.6, groups.get(0).rewards().get(3).total());
        assertEquals(Set.of(100L, 101L, 102L, 103L),
                groups.get(1).rollouts().stream().map(t -> t.seed()).collect(Collectors.toSet()));
    }
}
