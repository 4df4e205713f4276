package io.sandmle.scaffolds;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sandmle.api.Budget;
import io.sandmle.api.Episode;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Sampling;
import io.sandmle.api.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;

/** The tiny task fixture and episodes over it. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Task tinyTask() {
        try {
            Path root = Path.of(Fixtures.class.getResource("/tiny-task").toURI());
            return new ObjectMapper().readValue(root.resolve("task.json").toFile(), Task.class).withRoot(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
