package io.sandmle.envserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sandmle.api.Budget;
import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Grade;
import io.sandmle.api.MleEnvironment;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Reward;
import io.sandmle.api.RewardFunction;
import io.sandmle.api.StepRecord;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import io.sandmle.runner.env.InfoRequests;
import io.sandmle.runner.store.RunStore;
import io.sandmle.support.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One episode played by a remote agent: the actions it sends run in the episode's sandboxed environment,
 * each becomes a {@link Turn}, and the episode is recorded in the run store exactly once when it ends
 * (submit, turn budget, episode time, or the client going away), as {@code sandmle eval} records one.
 *
 * <p>Step rewards are increments of the configured reward function over the trajectory so far, so a step
 * is paid when it reaches a milestone and the step rewards of an episode add up to its recorded reward.
 */
final class EpisodeSession {

    /** What the scaffold column of an env-server episode's trajectory says. */
    static final String SCAFFOLD = "openenv";
    static final String SUBMITTED = "submitted";
    static final String MAX_TURNS = "max_turns";
    static final String TIMEOUT = "timeout";
    static final String ABANDONED = "abandoned";
    static final List<String> ACTIONS = List.of("request_info", "validate_code", "execute_code", "get_history",
            "reset_work", "python", "score", "submit");

    /** An action's result: the observation, the step's reward and whether the episode ended. */
    record Result(ObjectNode observation, double reward, boolean done) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String episodeId;
    private final TaskCatalog.Entry entry;
    private final long seed;
    private final String system;
    private final MleEnvironment env;
    private final Budget budget;
    private final RewardFunction reward;
    private final RunStore store;
    private final long startedMillis = System.currentTimeMillis();
    private final List<Turn> turns = new ArrayList<>();
    private String lastText;
    private double paid;
    private Reward finalReward;
    private String endReason;

    EpisodeSession(String episodeId, TaskCatalog.Entry entry, long seed, String system, MleEnvironment env,
                   Budget budget, RewardFunction reward, RunStore store) {
        this.episodeId = episodeId;
        this.entry = entry;
        this.seed = seed;
        this.system = system;
        this.env = env;
        this.budget = budget;
        this.reward = reward;
        this.store = store;
        this.lastText = new InfoRequests(entry.task()).overview();
    }

    String episodeId() {
        return episodeId;
    }

    synchronized boolean done() {
        return endReason != null;
    }

    /** The observation a reset answers with: the task statement and the actions there are. */
    synchronized ObjectNode opening() {
        ObjectNode o = base(lastText, null);
        o.set("actions", Json.MAPPER.valueToTree(ACTIONS));
        return o;
    }

    /** Runs one action (already checked against the action schema). */
    synchronized Result step(JsonNode action) {
        if (endReason != null) {
            throw new ProtocolError(ProtocolError.EPISODE_DONE, "Episode " + episodeId + " has ended (" + endReason
                    + "); send reset to start another.");
        }
        String name = action.get("action").asText();
        if (elapsedMillis() > budget.episodeTime().toMillis()) {
            return finish(TIMEOUT, base("The episode's time (" + budget.episodeTime().toSeconds() + " s) ran out "
                    + "before this action; it was not run.", name));
        }
        long began = System.nanoTime();
        StepRecord step = perform(name, action.path("params"));
        String modelOutput = action.hasNonNull("model_output") ? action.get("model_output").asText() : null;
        ChatResponse response = modelOutput == null ? null
                : new ChatResponse(modelOutput, null, List.of(), null, "stop", null, 0);
        long actionMillis = (System.nanoTime() - began) / 1_000_000;
        long stepMillis = step.exec() == null ? 0 : step.exec().wallMillis();
        // The client's agent sends its action as structured JSON, so the harness parses no reply shape here.
        turns.add(new Turn(turns.size(), List.of(ChatMessage.user(lastText)), ResponseFormat.FREE_TEXT, response, name,
                step, null, Math.max(0, actionMillis - stepMillis)));
        lastText = step.observation();
        ObjectNode o = base(step.observation(), name);
        Observations.execution(o, step.exec());
        o.set("grade", Observations.grade(step.grade(), entry.task()));
        if (name.equals("submit")) {
            return finish(SUBMITTED, o);
        }
        if (turns.size() >= budget.maxTurns()) {
            return finish(MAX_TURNS, o);
        }
        double total = reward.reward(trajectory(null, null)).total();
        double stepReward = total - paid;
        paid = total;
        return new Result(o, stepReward, false);
    }

    private StepRecord perform(String name, JsonNode params) {
        String code = params.path("code").asText(null);
        return switch (name) {
            case "request_info" -> env.requestInfo(params.path("info_type").asText());
            case "validate_code" -> env.validateCode(code);
            case "execute_code" -> env.executeCode(code);
            case "python" -> env.python(code);
            case "score", "submit" -> env.score();
            case "get_history" -> note(name, Json.write(env.history().stream().map(s -> Map.of("index", s.index(),
                    "action", s.action(), "observation", s.observation() == null ? "" : s.observation())).toList()));
            case "reset_work" -> {
                env.reset();
                yield note(name, "The work folder and the history were cleared.");
            }
            default -> throw new ProtocolError(ProtocolError.VALIDATION_ERROR, "Unknown action " + name + ".");
        };
    }

    private StepRecord note(String action, String text) {
        return new StepRecord(StepRecord.SCHEMA_VERSION, turns.size(), action, null, null, null, text,
                System.currentTimeMillis());
    }

    /** Ends the episode because the client left, was idle too long or the server stops; records it once. */
    synchronized void abandon() {
        if (endReason == null) {
            finish(ABANDONED, null);
        }
    }

    /**
     * Ends the episode: the final grade is the submission's when the agent submitted a valid one, else the
     * best grade of the episode (MLE-Dojo's rule; its execute_code moves the submission away when grading).
     */
    private Result finish(String reason, ObjectNode o) {
        endReason = reason;
        Grade last = reason.equals(SUBMITTED) && !turns.isEmpty() ? turns.get(turns.size() - 1).step().grade() : null;
        Grade finalGrade = last != null && last.valid() ? last : env.bestGrade();
        Trajectory trajectory = trajectory(finalGrade, reason);
        finalReward = reward.reward(trajectory);
        try {
            store.append(new EpisodeRecord(EpisodeRecord.SCHEMA_VERSION, store.dir().getFileName().toString(),
                    episodeId, system, entry.suite(), entry.task().id(), entry.task().category(), seed, finalGrade,
                    finalReward.total(), reason, trajectory.wallMillis(), turns.size(), env.resourceUse()), trajectory);
        } finally {
            env.close();
        }
        if (o == null) {
            return null;
        }
        o.put("end_reason", reason);
        o.set("final_grade", Observations.grade(finalGrade, entry.task()));
        o.put("episode_reward", finalReward.total());
        o.set("reward_parts", Json.MAPPER.valueToTree(finalReward.parts()));
        double stepReward = finalReward.total() - paid;
        paid = finalReward.total();
        return new Result(o, stepReward, true);
    }

    private Trajectory trajectory(Grade finalGrade, String reason) {
        return new Trajectory(Trajectory.SCHEMA_VERSION, episodeId, entry.task().id(), SCAFFOLD, system, seed, turns,
                finalGrade, reason, elapsedMillis());
    }

    /** Where the episode stands, for {@code state} messages. */
    synchronized ObjectNode state() {
        ObjectNode s = NODES.objectNode();
        s.put("episode_id", episodeId);
        s.put("step_count", turns.size());
        s.put("task_id", entry.task().id());
        s.put("suite", entry.suite());
        s.put("split", entry.split());
        s.put("seed", seed);
        s.put("done", endReason != null);
        s.put("turns_left", Math.max(0, budget.maxTurns() - turns.size()));
        s.put("seconds_left", secondsLeft());
        if (finalReward != null) {
            s.put("episode_reward", finalReward.total());
        }
        return s;
    }

    private ObjectNode base(String text, String action) {
        ObjectNode o = NODES.objectNode();
        o.put("text", text);
        o.put("episode_id", episodeId);
        o.put("task_id", entry.task().id());
        o.put("suite", entry.suite());
        o.put("split", entry.split());
        o.put("seed", seed);
        o.put("action", action);
        o.put("turn", turns.size());
        o.put("turns_left", Math.max(0, budget.maxTurns() - turns.size()));
        o.put("seconds_left", secondsLeft());
        return o;
    }

    private long secondsLeft() {
        return Math.max(0, (budget.episodeTime().toMillis() - elapsedMillis()) / 1000);
    }

    private long elapsedMillis() {
        return System.currentTimeMillis() - startedMillis;
    }
}
