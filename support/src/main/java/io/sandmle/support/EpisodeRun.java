package io.sandmle.support;

import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.Episode;
import io.sandmle.api.Grade;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.StepRecord;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The bookkeeping every scaffold shares for one episode: the turn and time budget, the model and
 * environment calls (timed, so that a turn's harness overhead is what remains), and the recorded turns.
 * Every request it sends and every turn it records carries the scaffold's {@link ResponseFormat}.
 * Public API: a scaffold in a plugin jar uses it the same way the built-in ones do.
 *
 * <p>A turn's {@code harnessMillis} is the wall time since the previous turn was recorded, minus the
 * time spent inside the model and the environment: prompt building, parsing and recording.
 */
public final class EpisodeRun {

    private final Episode episode;
    private final String scaffold;
    private final ResponseFormat format;
    private final long startNanos = System.nanoTime();
    private final List<Turn> turns = new ArrayList<>();
    private long turnStartNanos = startNanos;
    private long outsideNanos;

    /**
     * Starts the clock of one episode.
     *
     * @param scaffold the scaffold's registry name, recorded in the trajectory
     * @param format   the scaffold's {@link io.sandmle.api.Scaffold#responseFormat()}
     */
    public EpisodeRun(Episode episode, String scaffold, ResponseFormat format) {
        this.episode = episode;
        this.scaffold = scaffold;
        this.format = format;
    }

    public Episode episode() {
        return episode;
    }

    /** True once the episode's wall-time budget is spent. */
    public boolean outOfTime() {
        return timeLeft().isZero();
    }

    /** True once every allowed model call has been made. */
    public boolean outOfTurns() {
        return turns.size() >= episode.budget().maxTurns();
    }

    public int turnsUsed() {
        return turns.size();
    }

    public int turnsLeft() {
        return Math.max(0, episode.budget().maxTurns() - turns.size());
    }

    /** The wall time this episode may still spend, never negative. */
    public Duration timeLeft() {
        Duration left = episode.budget().episodeTime().minusNanos(System.nanoTime() - startNanos);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Sends {@code prompt} to the episode's model with its sampling settings and the response format, asking for logprobs. */
    public ChatResponse ask(List<ChatMessage> prompt, List<String> stop) {
        long t = System.nanoTime();
        try {
            return episode.model().chat(new ChatRequest(prompt, episode.sampling(), stop, true, format));
        } catch (RuntimeException e) {
            // LanguageModel must not throw; a plugin that does still only costs this turn.
            return ChatResponse.failure("The policy failed: " + e.getMessage(), (System.nanoTime() - t) / 1_000_000);
        } finally {
            outsideNanos += System.nanoTime() - t;
        }
    }

    /**
     * Runs one environment action. An environment that throws (it should not) gives an error
     * observation instead, so the episode goes on.
     */
    public StepRecord act(String action, String code, Supplier<StepRecord> step) {
        long t = System.nanoTime();
        try {
            return step.get();
        } catch (RuntimeException e) {
            return new StepRecord(StepRecord.SCHEMA_VERSION, -1, action, code, null, null,
                    "Error: the environment failed to run this action (" + e.getMessage() + ").",
                    System.currentTimeMillis());
        } finally {
            outsideNanos += System.nanoTime() - t;
        }
    }

    /** Records one model call and what was done with it; returns the recorded turn. */
    public Turn record(List<ChatMessage> prompt, ChatResponse response, String action, StepRecord step, String note) {
        long now = System.nanoTime();
        long harness = Math.max(0, (now - turnStartNanos - outsideNanos) / 1_000_000);
        Turn turn = new Turn(turns.size(), prompt, format, response, action, step, note, harness);
        turns.add(turn);
        turnStartNanos = now;
        outsideNanos = 0;
        return turn;
    }

    public List<Turn> turns() {
        return turns;
    }

    /** The episode's trajectory, ending for {@code endReason} with {@code finalGrade}. */
    public Trajectory finish(String endReason, Grade finalGrade) {
        return new Trajectory(Trajectory.SCHEMA_VERSION, episode.episodeId(), episode.task().id(), scaffold,
                episode.model().id(), episode.seed(), turns, finalGrade, endReason,
                (System.nanoTime() - startNanos) / 1_000_000);
    }
}
