package io.sandmle.envserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.api.Budget;
import io.sandmle.api.MleEnvironment;
import io.sandmle.api.SandboxException;
import io.sandmle.runner.run.Experiment;
import io.sandmle.runner.store.RunStore;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts episodes for reset requests: chooses the task ({@code task_id}, or {@code suite} + {@code split} +
 * {@code seed}, or the next training task), gives the episode a new id, and opens its sandboxed environment
 * on the experiment's executor with the configured limits.
 */
final class EpisodeOpener {

    /** The system name reports give env-server episodes unless the client names one. */
    static final String DEFAULT_SYSTEM = "openenv";

    private final Experiment experiment;
    private final TaskCatalog catalog;
    private final Budget budget;
    private final Set<String> taken = ConcurrentHashMap.newKeySet();
    private final AtomicLong counter = new AtomicLong();

    EpisodeOpener(Experiment experiment, TaskCatalog catalog) {
        this.experiment = experiment;
        this.catalog = catalog;
        this.budget = experiment.config().budget().toBudget();
        taken.addAll(experiment.store().finishedEpisodeIds());
    }

    /** Opens the episode a reset request (already checked against its schema) asks for. */
    EpisodeSession open(JsonNode request) {
        TaskCatalog.Entry entry = choose(request);
        long seed = request.has("seed") ? request.get("seed").asLong() : counter.get();
        String id = episodeId(request, entry, seed);
        String system = request.path("system").asText(DEFAULT_SYSTEM);
        RunStore store = experiment.store();
        MleEnvironment env;
        try {
            env = experiment.environments().open(entry.task(), entry.grader(), store.episodeDir(id), budget);
        } catch (SandboxException e) {
            taken.remove(id);
            throw new ProtocolError(ProtocolError.EXECUTION_ERROR, "The episode's sandbox could not open: "
                    + e.getMessage());
        }
        return new EpisodeSession(id, entry, seed, system, env, budget,
                experiment.reward(experiment.config().server().reward()), store);
    }

    private TaskCatalog.Entry choose(JsonNode request) {
        if (request.has("task_id")) {
            String id = request.get("task_id").asText();
            return catalog.byId(id).orElseThrow(() -> new ProtocolError(ProtocolError.UNKNOWN_TASK,
                    "There is no task '" + id + "' in the served suites; GET /metadata lists them."));
        }
        if (request.has("suite") || request.has("split") || request.has("seed")) {
            String suite = request.path("suite").asText(null);
            String split = request.path("split").asText(TaskCatalog.TRAIN);
            long seed = request.path("seed").asLong(0);
            return catalog.pick(suite, split, seed).orElseThrow(() -> new ProtocolError(ProtocolError.UNKNOWN_TASK,
                    "There is no task in suite " + (suite == null ? "(any)" : suite) + ", split " + split
                            + "; GET /metadata lists the suites and their splits."));
        }
        return catalog.next();
    }

    /** The client's episode_id when new to the run, else {@code <suite>.<task>.openenv.s<seed>.e<n>}. */
    private String episodeId(JsonNode request, TaskCatalog.Entry entry, long seed) {
        if (request.has("episode_id")) {
            String id = request.get("episode_id").asText();
            if (!taken.add(id)) {
                throw new ProtocolError(ProtocolError.VALIDATION_ERROR, "Episode id " + id + " is already used in "
                        + "this run; give a new one or leave it out.");
            }
            return id;
        }
        String base = String.join(".", safe(entry.suite()), safe(entry.task().id()), EpisodeSession.SCAFFOLD,
                "s" + seed);
        String id;
        do {
            id = base + ".e" + counter.incrementAndGet();
        } while (!taken.add(id));
        return id;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
