package io.sandmle.cli.bench;

import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.Grade;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.MleEnvironment;
import io.sandmle.api.StepRecord;
import io.sandmle.api.Task;
import io.sandmle.runner.rollout.EnvironmentFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The harness's own time in each episode, to the nanosecond: from the moment the episode's environment is open
 * until it is closed, minus the time inside the model and inside the environment (what remains is prompt
 * building, parsing and recording). {@code Turn.harnessMillis} holds the same quantity per turn in whole
 * milliseconds, which truncates nearly every turn to 0.
 *
 * <p>Wrap the policy with {@link #timed(LanguageModel)} and the environments with
 * {@link #timed(EnvironmentFactory)}; the rollout engine runs each episode on one thread, which is how a model
 * call is charged to its episode.
 */
final class HarnessTimeProbe {

    /** Nanoseconds spent outside the harness by the episode running on this thread. */
    private final ThreadLocal<long[]> outside = new ThreadLocal<>();
    private final Map<Path, Long> harnessNanos = new ConcurrentHashMap<>();

    /** The harness's own nanoseconds in the episode whose folder is {@code episodeDir}, once it has closed. */
    OptionalLong harnessNanos(Path episodeDir) {
        Long nanos = harnessNanos.get(episodeDir);
        return nanos == null ? OptionalLong.empty() : OptionalLong.of(nanos);
    }

    LanguageModel timed(LanguageModel model) {
        return new LanguageModel() {
            @Override
            public String id() {
                return model.id();
            }

            @Override
            public ChatResponse chat(ChatRequest request) {
                return outside(() -> model.chat(request));
            }
        };
    }

    EnvironmentFactory timed(EnvironmentFactory environments) {
        return (task, grader, episodeDir, budget) -> {
            MleEnvironment env = environments.open(task, grader, episodeDir, budget);
            outside.set(new long[1]);
            return new TimedEnvironment(env, episodeDir, System.nanoTime());
        };
    }

    private <T> T outside(Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } finally {
            long[] spent = outside.get();
            if (spent != null) {
                spent[0] += System.nanoTime() - start;
            }
        }
    }

    /** Every call timed as outside the harness; closing records the episode's own time. */
    private final class TimedEnvironment implements MleEnvironment {
        private final MleEnvironment env;
        private final Path episodeDir;
        private final long openedNanos;

        TimedEnvironment(MleEnvironment env, Path episodeDir, long openedNanos) {
            this.env = env;
            this.episodeDir = episodeDir;
            this.openedNanos = openedNanos;
        }

        @Override
        public Task task() {
            return outside(env::task);
        }

        @Override
        public StepRecord requestInfo(String infoType) {
            return outside(() -> env.requestInfo(infoType));
        }

        @Override
        public StepRecord validateCode(String code) {
            return outside(() -> env.validateCode(code));
        }

        @Override
        public StepRecord executeCode(String code) {
            return outside(() -> env.executeCode(code));
        }

        @Override
        public StepRecord python(String code) {
            return outside(() -> env.python(code));
        }

        @Override
        public StepRecord score() {
            return outside(env::score);
        }

        @Override
        public void reset() {
            outside(() -> {
                env.reset();
                return null;
            });
        }

        @Override
        public List<StepRecord> history() {
            return outside(env::history);
        }

        @Override
        public Grade bestGrade() {
            return outside(env::bestGrade);
        }

        @Override
        public void close() {
            long open = System.nanoTime() - openedNanos;
            harnessNanos.put(episodeDir, open - outside.get()[0]);
            outside.remove();
            env.close();
        }
    }
}
