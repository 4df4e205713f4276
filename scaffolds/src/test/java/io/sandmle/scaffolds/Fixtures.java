package io.sandmle.scaffolds;

import io.sandmle.api.Budget;
import io.sandmle.api.Episode;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Sampling;
import io.sandmle.api.Task;
import io.sandmle.api.codec.TaskJson;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;

/** The tiny task fixture and episodes over it. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Task tinyTask() {
        try {
            return TaskJson.read(Path.of(Fixtures.class.getResource("/tiny-task").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Episode episode(LanguageModel model, int maxTurns) {
        Task task = tinyTask();
        return new Episode("ep-1", task, new FakeEnvironment(task), model,
                new Budget(maxTurns, Duration.ofMinutes(5), Duration.ofSeconds(30)), Sampling.defaults(), 7);
    }
}
