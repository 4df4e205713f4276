package io.sandmle.environments.mlebench;

import io.sandmle.api.Grader;
import io.sandmle.api.Task;
import io.sandmle.api.TaskSuite;
import io.sandmle.environments.grading.CsvGrader;
import io.sandmle.environments.grading.CsvReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code mle-bench-lite} suite: MLE-bench's prepared layout
 * {@code <data-dir>/<id>/prepared/{public,private}} read as it is, graded as {@code mlebench grade}.
 *
 * <p>Options: {@code mlebench-dir} (an mle-bench checkout whose leaderboards give the thresholds),
 * {@code competitions} (comma-separated ids; default every Lite competition present in the data
 * dir), {@code max-bytes} (submission size limit).
 *
 * <p>Every competition carries MLE-bench's time limit of {@value #TIME_LIMIT} per run
 * ({@link Task#TIME_LIMIT}); a config's suite {@code time-limit} or {@code time-limits} overrides it.
 */
public final class MleBenchLiteSuite implements TaskSuite {

    public static final String OPTION_MLEBENCH_DIR = "mlebench-dir";
    public static final String OPTION_COMPETITIONS = "competitions";
    public static final String OPTION_MAX_BYTES = "max-bytes";

    /** MLE-bench's default wall time for one agent run on one competition. */
    public static final String TIME_LIMIT = "PT24H";

    private long maxBytes = CsvReader.DEFAULT_MAX_BYTES;

    @Override
    public List<Task> load(Path dataDir, Map<String, String> options) {
        Map<String, MedalTable.Entry> packaged = MedalTable.packaged();
        Path checkout = options.containsKey(OPTION_MLEBENCH_DIR) ? Path.of(options.get(OPTION_MLEBENCH_DIR)) : null;
        maxBytes = Long.parseLong(options.getOrDefault(OPTION_MAX_BYTES, String.valueOf(CsvReader.DEFAULT_MAX_BYTES)));
        List<String> wanted = options.containsKey(OPTION_COMPETITIONS)
                ? List.of(options.get(OPTION_COMPETITIONS).split(",")) : null;
        List<Task> tasks = new ArrayList<>();
        for (LiteCompetition c : LiteCompetitions.all()) {
            boolean requested = wanted != null && wanted.contains(c.id());
            if (wanted != null && !requested) {
                continue;
            }
            if (!requested && !Files.isDirectory(dataDir.resolve(c.id()).resolve("prepared"))) {
                continue;
            }
            Optional<MedalTable.Entry> fromCheckout = checkout == null ? Optional.empty()
                    : MedalTable.fromCheckout(checkout, c.id());
            MedalTable.Entry medals = fromCheckout.orElse(packaged.get(c.id()));
            tasks.add(new Task(Task.SCHEMA_VERSION, c.id(), c.id(), c.metric(), medals.lowerIsBetter(), medals.thresholds(),
                    c.modality(), "competition", c.category(),
                    Map.of("benchmark", "mle-bench", "answers", c.answersFile(),
                            "thresholds", fromCheckout.isPresent() ? "leaderboard" : "packaged",
                            Task.TIME_LIMIT, TIME_LIMIT),
                    dataDir.resolve(c.id())));
        }
        return tasks;
    }

    @Override
    public Grader grader(Task task) {
        LiteCompetition c = LiteCompetitions.byId(task.id()).orElseThrow(() -> new IllegalArgumentException(
                "'" + task.id() + "' is not an MLE-bench Lite competition."));
        return new CsvGrader(c.answersFile(), c.score(), CsvGrader.mleBench(c.rounding()), maxBytes);
    }
}
