package io.sandmle.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.Budget;
import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.Episode;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Modality;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Sampling;
import io.sandmle.api.StepRecord;
import io.sandmle.api.Task;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import io.sandmle.support.doubles.ScriptedModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The budget, timing and recording every scaffold shares. */
class EpisodeRunTest {

    private static final Task TASK = new Task(Task.SCHEMA_VERSION, "t", "T", "accuracy", false, null,
            Modality.TABULAR, "binary", "c", Map.of(), null);
    private static final List<ChatMessage> PROMPT = List.of(ChatMessage.user("go"));

    private static Episode episode(LanguageModel model, int maxTurns, Duration time) {
        return new Episode("e1", TASK, null, model, new Budget(maxTurns, time, Duration.ofSeconds(1)),
                new Sampling(0.5, 1, 64, 3L), 9);
    }

    /** A policy answering with {@code reply} (which may throw, as a faulty plugin's would). */
    private static LanguageModel model(Function<ChatRequest, ChatResponse> reply) {
        return new LanguageModel() {
            @Override
            public String id() {
                return "test";
            }

            @Override
            public ChatResponse chat(ChatRequest request) {
                return reply.apply(request);
            }
        };
    }

    @Test
    void everyRequestAndTurnCarriesTheScaffoldsFormatAndTheBudgetCountsModelCalls() {
        ScriptedModel model = ScriptedModel.replying("a", "b");
        EpisodeRun run = new EpisodeRun(episode(model, 2, Duration.ofMinutes(1)), "demo", ResponseFormat.JSON_ACTION);
        for (int i = 0; i < 2; i++) {
            assertFalse(run.outOfTurns());
            run.record(PROMPT, run.ask(PROMPT, List.of("STOP")), "none", null, null);
        }
        assertTrue(run.outOfTurns());
        assertEquals(0, run.turnsLeft());
        ChatRequest sent = model.requests().get(1);
        assertEquals(ResponseFormat.JSON_ACTION, sent.responseFormat());
        assertEquals(new Sampling(0.5, 1, 64, 3L), sent.sampling());
        assertEquals(List.of("STOP"), sent.stop());
        assertTrue(sent.logprobs());

        Trajectory t = run.finish("max_turns", null);
        assertEquals(List.of(0, 1), t.turns().stream().map(Turn::index).toList());
        assertTrue(t.turns().stream().allMatch(x -> x.responseFormat() == ResponseFormat.JSON_ACTION));
        assertEquals("demo", t.scaffold());
        assertEquals("scripted", t.policy());
        assertEquals("e1", t.episodeId());
        assertEquals("t", t.taskId());
        assertEquals(9, t.seed());
        assertEquals("max_turns", t.endReason());
    }

    @Test
    void aThrowingPolicyOrEnvironmentCostsOneTurnNotTheEpisode() {
        LanguageModel broken = model(request -> {
            throw new IllegalStateException("plugin bug");
        });
        EpisodeRun run = new EpisodeRun(episode(broken, 3, Duration.ofMinutes(1)), "demo", ResponseFormat.REACT);
        ChatResponse reply = run.ask(PROMPT, List.of());
        assertTrue(reply.failed());
        assertTrue(reply.error().contains("plugin bug"), reply.error());
        StepRecord step = run.act("python", "print(1)", () -> {
            throw new IllegalStateException("sandbox gone");
        });
        assertEquals("python", step.action());
        assertTrue(step.observation().contains("sandbox gone"), step.observation());
    }

    @Test
    void harnessTimeLeavesOutTimeSpentInTheModel() {
        LanguageModel slow = model(request -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ChatResponse("ok", null, List.of(), null, "stop", null, 300);
        });
        EpisodeRun run = new EpisodeRun(episode(slow, 3, Duration.ofMinutes(1)), "demo", ResponseFormat.FREE_TEXT);
        Turn turn = run.record(PROMPT, run.ask(PROMPT, List.of()), "none", null, null);
        assertTrue(turn.harnessMillis() < 200, "harness millis " + turn.harnessMillis());
    }

    @Test
    void anEpisodeWithoutTimeIsOutOfTimeAtOnce() {
        EpisodeRun run = new EpisodeRun(episode(ScriptedModel.replying("x"), 3, Duration.ZERO), "demo",
                ResponseFormat.FREE_TEXT);
        assertTrue(run.outOfTime());
        assertEquals(Duration.ZERO, run.timeLeft());
    }
}
