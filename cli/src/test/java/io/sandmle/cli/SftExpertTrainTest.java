package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ChatRequest;
import io.sandmle.api.CurvePoint;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Sampling;
import io.sandmle.api.Task;
import io.sandmle.api.Thresholds;
import io.sandmle.api.TokenLogprob;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import io.sandmle.api.codec.TaskJson;
import io.sandmle.runner.store.RunStore;
import io.sandmle.support.doubles.MicroTask;
import io.sandmle.trainers.policy.ChoiceBatch;
import io.sandmle.trainers.policy.EmbeddedPolicy;
import io.sandmle.trainers.policy.PolicyCheckpoint;
import io.sandmle.trainers.reward.MilestoneReward;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sandmle train} with {@code trainer: sft, source: expert}: the offline expert searches recipes on the fixture
 * task in the real sandbox (group-size candidates per visit), the trainer keeps each visit's best trajectory when it
 * medals, and the cloned policy's choices move to the expert's.
 */
class SftExpertTrainTest {

    @TempDir
    Path dir;

    private Path config(String source) throws Exception {
        // Two micro tasks with cut-offs most recipes miss (accuracy 0.95 for bronze; recipes score about 0.88 to 0.96),
        // the second out of reach, so some visit's best earns no medal and keeping only medals matters.
        Path tasks = dir.resolve("tasks");
        micro(tasks, "micro-a", new Thresholds(0.99, 0.97, 0.95, 0.9));
        micro(tasks, "micro-c", new Thresholds(0.9999, 0.9998, 0.9997, 0.9));
        Path file = dir.resolve("train.yaml");
        Files.writeString(file, """
                run: sft-expert
                runs-dir: %s
                suites:
                  - {name: synthetic, data-dir: '%s'}
                scaffolds: [react]
                executor: {name: local, parallel: 2}
                budget: {max-turns: 4, episode-time: 2m, step-time: 1m}
                trainer: {name: sft, reward: milestone, settings: {source: %s, steps: 2, tasks-per-step: 1,
                          group-size: 3, sft-learning-rate: 0.05}}
                """.formatted(dir.resolve("runs"), tasks, source));
        return file;
    }

    @Test
    void keepsTheExpertsMedalTrajectoriesAndMovesThePolicyToThem() throws Exception {
        CliRun run = CliRun.of("train", "--config", config("expert").toString());
        assertEquals(SandmleCommand.OK, run.exitCode(), run.err());
        Path runDir = dir.resolve("runs/sft-expert");

        List<Trajectory> kept = new ArrayList<>();
        try (RunStore store = RunStore.open(runDir)) {
            List<EpisodeRecord> episodes = store.episodes();
            assertEquals(2 * 3, episodes.size(), "steps x tasks-per-step x group-size, as GRPO would spend");
            assertTrue(episodes.stream().allMatch(e -> e.episodeId().contains("embedded_expert")), "expert episodes");
            // A visit's candidates share the step's seed range: seeds stepSeed .. stepSeed + group-size - 1.
            Map<Long, List<EpisodeRecord>> visits = new TreeMap<>();
            for (EpisodeRecord e : episodes) {
                visits.computeIfAbsent(e.seed() / 100_003L, k -> new ArrayList<>()).add(e);
            }
            assertEquals(2, visits.size(), "one visit of each task: " + visits.keySet());
            int bestWithoutMedal = 0;
            for (List<EpisodeRecord> visit : visits.values()) {
                EpisodeRecord best = visit.stream().filter(e -> e.grade() != null && e.grade().valid())
                        .max(Comparator.comparingInt((EpisodeRecord e) -> MilestoneReward.medalOf(e.grade()).ordinal())
                                .thenComparingDouble(e -> e.grade().score())).orElseThrow();
                if (MilestoneReward.medalOf(best.grade()).any()) {
                    kept.add(store.trajectory(best.episodeId()));
                } else {
                    bestWithoutMedal++;
                }
            }
            List<String> medals = episodes.stream().map(e -> e.seed() + " " + (e.grade() == null ? "-"
                    : MilestoneReward.medalOf(e.grade()) + " " + e.grade().score())).toList();
            assertTrue(!kept.isEmpty(), "some recipe medals on the micro task: " + medals);
            assertTrue(bestWithoutMedal > 0, "some visit's best earns no medal, so the medal filter is exercised: "
                    + medals);
            assertEquals(kept.size(), last(store.curves(), "kept_trajectories"),
                    "one trajectory per visit whose best medals, and nothing else: " + medals);
            assertTrue(store.curves().stream().anyMatch(c -> c.metric().equals("expert_medal_rate") && c.step() == 1));
        }

        EmbeddedPolicy before = EmbeddedPolicy.untrained(0);
        EmbeddedPolicy after = new EmbeddedPolicy(PolicyCheckpoint.load(runDir.resolve("checkpoints/sft-final"))
                .network(), 0, "sft");
        List<Turn> codeTurns = kept.stream().map(t -> t.turns().stream().filter(turn -> turn.response() != null
                && turn.response().content().contains("# recipe:")).findFirst().orElseThrow()).toList();
        Set<String> keptModels = codeTurns.stream().map(turn -> token(turn.response().logprobs(), "model"))
                .collect(Collectors.toSet());
        for (Turn code : codeTurns) {
            double untrained = logLikelihood(before, code);
            double trained = logLikelihood(after, code);
            assertTrue(trained > untrained + 2, "the expert's choices: " + untrained + " -> " + trained + " nats");
            // The trained policy's most likely model on that prompt is one the expert kept (visits may keep two).
            List<TokenLogprob> greedy = after.chat(new ChatRequest(code.prompt(), new Sampling(0, 1, 100, 0L),
                    List.of(), true, code.responseFormat())).logprobs();
            assertTrue(keptModels.contains(token(greedy, "model")), "greedy " + greedy + ", kept " + keptModels);
        }
    }

    @Test
    void anUnknownSourceIsOneSentence() throws Exception {
        CliRun run = CliRun.of("train", "--config", config("teacher").toString());
        assertEquals(SandmleCommand.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("trainer setting 'source' must be own or expert, not 'teacher'"), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one sentence: " + run.err());
    }

    private static void micro(Path tasks, String id, Thresholds cut) throws Exception {
        Task t = MicroTask.create(tasks.resolve(id)).task();
        TaskJson.write(t.root(), new Task(t.schemaVersion(), id, t.title(), t.metric(), t.lowerIsBetter(), cut,
                t.modality(), t.taskType(), t.category(), t.attributes(), t.root()));
    }

    /** Summed log-probability of the turn's recipe choices under the policy's network. */
    private static double logLikelihood(EmbeddedPolicy policy, Turn turn) {
        List<ChoiceBatch.Row> rows = policy.rows(turn.prompt(), turn.responseFormat(), turn.response().logprobs());
        double sum = 0;
        for (float lp : policy.network().logProbs(ChoiceBatch.of(policy.network().space(), rows))) {
            sum += lp;
        }
        return sum;
    }

    private static String token(List<TokenLogprob> tokens, String head) {
        return tokens.stream().map(TokenLogprob::token).filter(t -> t.startsWith(head + "=")).findFirst().orElseThrow();
    }

    private static double last(List<CurvePoint> curves, String metric) {
        return curves.stream().filter(c -> c.metric().equals(metric)).max(Comparator.comparingInt(CurvePoint::step))
                .orElseThrow().value();
    }
}
