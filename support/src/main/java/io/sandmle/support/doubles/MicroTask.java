package io.sandmle.support.doubles;

import io.sandmle.api.Modality;
import io.sandmle.api.Task;
import io.sandmle.api.Thresholds;
import io.sandmle.api.codec.TaskJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A small binary-classification task in the synthetic layout (docs/CONTRACTS.md §1), for benchmarks and tests: 150 train
 * rows, 50 test rows, answers in {@code prepared/private/answers.csv} whose last label is a random canary
 * string that must never reach agent code.
 */
public record MicroTask(Task task, String canary) {

    /** Writes the task under {@code root} (its own folder) with a fresh canary. */
    public static MicroTask create(Path root) throws IOException {
        String canary = "CANARY-" + UUID.randomUUID();
        Path pub = Files.createDirectories(root.resolve("prepared/public"));
        Path priv = Files.createDirectories(root.resolve("prepared/private"));
        Random rng = new Random(7);
        StringBuilder train = new StringBuilder("id,a,b,c,d,target\n");
        StringBuilder test = new StringBuilder("id,a,b,c,d\n");
        StringBuilder answers = new StringBuilder("id,target\n");
        StringBuilder sample = new StringBuilder("id,target\n");
        for (int i = 0; i < 200; i++) {
            double a = rng.nextGaussian(), b = rng.nextGaussian(), c = rng.nextGaussian(), d = rng.nextGaussian();
            String y = a + b > 0 ? "yes" : "no";
            String x = String.format("%d,%.4f,%.4f,%.4f,%.4f", i, a, b, c, d);
            if (i < 150) {
                train.append(x).append(',').append(y).append('\n');
            } else {
                test.append(x).append('\n');
                // The last answer is the canary: a label no public file contains, so a leak is detectable.
                answers.append(i).append(',').append(i == 199 ? canary : y).append('\n');
                sample.append(i).append(",no\n");
            }
        }
        Files.writeString(pub.resolve("train.csv"), train);
        Files.writeString(pub.resolve("test.csv"), test);
        Files.writeString(pub.resolve("sample_submission.csv"), sample);
        Files.writeString(pub.resolve("description.md"), "# Micro task\nPredict `target` (yes or no) for test.csv; metric accuracy.\n");
        Files.writeString(priv.resolve("answers.csv"), answers);
        Task task = new Task(Task.SCHEMA_VERSION, "micro-task", "Micro task", "accuracy", false,
                new Thresholds(0.95, 0.9, 0.85, 0.7), Modality.TABULAR, "binary", "test", Map.of(), root);
        TaskJson.write(root, task);
        return new MicroTask(task, canary);
    }

    /** The random-forest script the benchmark and tests run: reads the public data, writes submission.csv. */
    public static String randomForestScript() {
        return """
                import pandas as pd
                from sklearn.ensemble import RandomForestClassifier
                train = pd.read_csv('/data/train.csv')
                test = pd.read_csv('/data/test.csv')
                features = ['a', 'b', 'c', 'd']
                model = RandomForestClassifier(n_estimators=50, random_state=0).fit(train[features], train.target)
                pd.DataFrame({'id': test.id, 'target': model.predict(test[features])}).to_csv('submission.csv', index=False)
                print('wrote', len(test), 'predictions')
                """;
    }
}
