package io.sandmle.envserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Sampling;
import io.sandmle.runner.config.SamplingConfig;
import io.sandmle.runner.rollout.EpisodeSpec;
import io.sandmle.runner.rollout.Progress;
import io.sandmle.runner.rollout.RolloutEngine;
import io.sandmle.runner.rollout.RunStoreSink;
import io.sandmle.runner.run.Experiment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * {@code POST /rollouts}: the black-box harness shape RL engines use (rLLM's remote runtime, TRL's async
 * harness, OpenRLHF's agent executor). The trainer serves its policy behind an OpenAI-compatible URL; this
 * runs G whole episodes of one task with one of our scaffolds against that URL, sending the request's
 * session id on every model call (header {@code X-Session-Id} and the body's {@code user} field) so a
 * token-tracing proxy can stitch each trajectory, and answers with rewards, reward parts, grades, end
 * reasons and turns.
 *
 * <p>Requests are idempotent by {@code session_id}: the answer is kept durably in
 * {@code <run>/rollouts/<session_id>.json} before it is sent, a repeated request gets that answer, and a
 * repeat that arrives while the first still runs waits for it; no episode runs twice.
 */
final class RolloutService {

    static final String SESSION_HEADER = "X-Session-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._=+-]{0,199}");
    private static final int MAX_GROUP = 64;

    private final Experiment experiment;
    private final TaskCatalog catalog;
    private final ObjectMapper mapper;
    private final Path answers;
    private final Map<String, CompletableFuture<JsonNode>> running = new ConcurrentHashMap<>();

    RolloutService(Experiment experiment, TaskCatalog catalog, ObjectMapper mapper) {
        this.experiment = experiment;
        this.catalog = catalog;
        this.mapper = mapper;
        this.answers = experiment.store().dir().resolve("rollouts");
    }

    /** The answer to a rollout request, running its episodes unless this session id already ran. */
    JsonNode handle(JsonNode request) {
        String sessionId = text(request, "session_id", null);
        if (sessionId == null || !SAFE_ID.matcher(sessionId).matches()) {
            throw new ProtocolError(ProtocolError.VALIDATION_ERROR, "session_id is required: letters, digits and "
                    + "._=+- only, at most 200 characters.");
        }
        Path kept = answers.resolve(sessionId + ".json");
        if (Files.isRegularFile(kept)) {
            return read(kept);
        }
        CompletableFuture<JsonNode> mine = new CompletableFuture<>();
        CompletableFuture<JsonNode> first = running.putIfAbsent(sessionId, mine);
        if (first != null) {
            return join(first);
        }
        try {
            JsonNode answer = Files.isRegularFile(kept) ? read(kept) : run(request, sessionId, kept);
            mine.complete(answer);
            return answer;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(sessionId);
        }
    }

    private JsonNode run(JsonNode request, String sessionId, Path kept) {
        String taskId = text(request, "task_id", null);
        if (taskId == null) {
            throw new ProtocolError(ProtocolError.VALIDATION_ERROR, "task_id is required.");
        }
        TaskCatalog.Entry entry = catalog.byId(taskId).orElseThrow(() -> new ProtocolError(ProtocolError.UNKNOWN_TASK,
                "There is no task '" + taskId + "' in the served suites; GET /metadata lists them."));
        String url = text(request, "inference_url", null);
        String model = text(request, "model", null);
        if (url == null || model == null) {
            throw new ProtocolError(ProtocolError.VALIDATION_ERROR, "inference_url and model are required: the "
                    + "trainer's OpenAI-compatible endpoint and the model name it serves.");
        }
        String scaffold = text(request, "scaffold", experiment.config().scaffolds().get(0));
        if (!experiment.extensions().names(ExtensionKind.SCAFFOLD).contains(scaffold)) {
            throw new ProtocolError(ProtocolError.VALIDATION_ERROR, "There is no scaffold '" + scaffold + "'; known: "
                    + experiment.extensions().names(ExtensionKind.SCAFFOLD) + ".");
        }
        int group = request.path("group_size").asInt(1);
        if (group < 1 || group > MAX_GROUP) {
            throw new ProtocolError(ProtocolError.VALIDATION_ERROR, "group_size must be between 1 and " + MAX_GROUP + ".");
        }
        long seed = request.path("seed").asLong(0);
        LanguageModel policy = policy(url, model, sessionId, request.path("api_key_env").asText(null));
        Sampling sampling = sampling(request.path("sampling"));
        List<EpisodeSpec> plan = new ArrayList<>();
        for (int g = 0; g < group; g++) {
            plan.add(new EpisodeSpec(entry.suite(), entry.task(), entry.grader(), scaffold, model, policy, seed + g,
                    experiment.config().budget().toBudget(), sampling, sessionId));
        }
        RolloutEngine engine = new RolloutEngine(experiment.config().run(),
                name -> experiment.extensions().create(ExtensionKind.SCAFFOLD, name), experiment.environments(),
                experiment.reward(experiment.config().server().reward()),
                Math.min(group, experiment.config().executor().parallel()));
        List<RolloutEngine.Outcome> outcomes = engine.run(plan, new RunStoreSink(experiment.store()),
                Progress.silent());
        ObjectNode answer = answer(sessionId, entry, scaffold, model, seed, outcomes);
        keep(kept, answer);
        return answer;
    }

    /** The trainer's endpoint as an {@code openai} policy that tags every call with the session id. */
    private LanguageModel policy(String url, String model, String sessionId, String apiKeyEnv) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("base-url", url);
        settings.put("model", model);
        settings.put("header." + SESSION_HEADER, sessionId);
        settings.put("extra.user", sessionId);
        if (apiKeyEnv != null) {
            settings.put("api-key-env", apiKeyEnv);
        }
        try {
            return experiment.extensions().create(ExtensionKind.POLICY, "openai").create(settings);
        } catch (IllegalArgumentException e) {
            throw new ProtocolError(ProtocolError.VALIDATION_ERROR, e.getMessage());
        }
    }

    /** The request's sampling over the config's; the engine seeds each episode with its own seed. */
    private Sampling sampling(JsonNode s) {
        SamplingConfig c = experiment.config().sampling();
        return new SamplingConfig(s.has("temperature") ? s.get("temperature").asDouble() : c.temperature(),
                s.has("top_p") ? s.get("top_p").asDouble() : c.topP(),
                s.has("max_tokens") ? s.get("max_tokens").asInt() : c.maxTokens()).unseeded();
    }

    private ObjectNode answer(String sessionId, TaskCatalog.Entry entry, String scaffold, String model, long seed,
                              List<RolloutEngine.Outcome> outcomes) {
        ObjectNode a = mapper.createObjectNode();
        a.put("session_id", sessionId);
        a.put("task_id", entry.task().id());
        a.put("suite", entry.suite());
        a.put("scaffold", scaffold);
        a.put("model", model);
        a.put("seed", seed);
        ArrayNode rewards = a.putArray("rewards");
        ArrayNode episodes = a.putArray("episodes");
        for (RolloutEngine.Outcome o : outcomes) {
            rewards.add(o.reward().total());
            ObjectNode e = episodes.addObject();
            e.put("episode_id", o.record().episodeId());
            e.put("seed", o.spec().seed());
            e.put("reward", o.reward().total());
            e.set("reward_parts", mapper.valueToTree(o.reward().parts()));
            e.set("grade", Observations.grade(o.record().grade(), entry.task()));
            e.put("end_reason", o.record().endReason());
            e.put("wall_millis", o.record().wallMillis());
            e.set("turns", mapper.valueToTree(o.trajectory().turns()));
        }
        return a;
    }

    /** Writes the answer with a temp file, fsync and an atomic rename, so a kept answer is always whole. */
    private void keep(Path file, JsonNode answer) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, mapper.writeValueAsBytes(answer));
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the rollout answer " + file + ": " + e.getMessage(), e);
        }
    }

    private JsonNode read(Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the kept rollout answer " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode join(CompletableFuture<JsonNode> first) {
        try {
            return first.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static String text(JsonNode request, String field, String fallback) {
        JsonNode n = request.get(field);
        return n == null || !n.isTextual() || n.asText().isBlank() ? fallback : n.asText();
    }
}
