package io.sandmle.runner.rollout;

import io.sandmle.api.Budget;
import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.Episode;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Modality;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Sampling;
import io.sandmle.api.Scaffold;
import io.sandmle.api.Task;
import io.sandmle.api.Thresholds;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import io.sandmle.api.Usage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Plans and stand-ins shared by the engine tests and the child JVM of the kill test. */
final class EnginePlans {

    private EnginePlans() {
    }

    static Task task(String id) {
        return new Task(Task.SCHEMA_VERSION, id, id, "accuracy", false, new Thresholds(0.95, 0.9, 0.85, 0.7),
                Modality.TABULAR, "binary", "tabular", Map.of(), Path.of("/nonexistent/" + id));
    }

    /** A policy that answers instantly. */
    static final LanguageModel POLICY = new LanguageModel() {
        @Override
        public String id() {
            return "fixed";
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            return new ChatResponse("ok", null, List.of(), new Usage(1, 1, 0), "stop", null, 0);
        }
    };

    /** A free-text scaffold that runs episodes with {@code run}. */
    static Scaffold scaffold(Function<Episode, Trajectory> run) {
        return new Scaffold() {
            @Override
            public ResponseFormat responseFormat() {
                return ResponseFormat.FREE_TEXT;
            }

            @Override
            public Trajectory run(Episode episode) {
                return run.apply(episode);
            }
        };
    }

    /** A scaffold that takes {@code millis} per episode, asks the policy once and scores once. */
    static Scaffold sleepy(long millis) {
        return scaffold(episode -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<ChatMessage> prompt = List.of(ChatMessage.user("go"));
            ChatResponse r = episode.model().chat(new ChatRequest(prompt, episode.sampling(), List.of(), true,
                    ResponseFormat.FREE_TEXT));
            var step = episode.env().score();
            return new Trajectory(Trajectory.SCHEMA_VERSION, episode.episodeId(), episode.task().id(), "sleepy",
                    episode.model().id(), episode.seed(),
                    List.of(new Turn(0, prompt, ResponseFormat.FREE_TEXT, r, "score", step, null, 0)), step.grade(),
                    "answered", millis);
        });
    }

    /** {@code tasks} tasks × {@code seeds} seeds of the sleepy scaffold. */
    static List<EpisodeSpec> plan(int tasks, int seeds) {
        List<EpisodeSpec> plan = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            for (int s = 0; s < seeds; s++) {
                plan.add(new EpisodeSpec("synthetic", task("task-" + t), null, "sleepy", "fixed", POLICY, s,
                        Budget.defaults(), Sampling.defaults()));
            }
        }
        return plan;
    }

    /** Environments graded 0.6 for task-0 and 0.96 for the others. */
    static EnvironmentFactory environments() {
        return (task, grader, dir, budget) -> new StubEnvironment(task, task.id().equals("task-0") ? 0.6 : 0.96);
    }
}
