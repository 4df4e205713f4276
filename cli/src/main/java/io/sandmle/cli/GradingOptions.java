package io.sandmle.cli;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.Grader;
import io.sandmle.api.Task;
import io.sandmle.api.TaskSuite;
import io.sandmle.runner.plugins.Extensions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options shared by {@code grade} and {@code grade-sample}: where the prepared data is, which
 * benchmark's format and grading to use, and where thresholds and leaderboards come from. Suites
 * are reached through the plugin SPI only.
 */
public final class GradingOptions {

    /**
     * Report JSON as Python's json module writes it: a NaN score is the bare token {@code NaN}. Its own set-up,
     * not support.Json's, because grade reports must read like MLE-bench's.
     */
    static final ObjectMapper JSON = JsonMapper.builder().disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    @Option(names = "--data-dir", required = true, paramLabel = "<dir>",
            description = "Prepared data: <dir>/<id>/prepared/{public,private} (MLE-bench) or <dir>/<id>/data/... (MLE-Dojo).")
    Path dataDir;

    @Option(names = "--format", defaultValue = "mle-bench", paramLabel = "<mle-bench|mle-dojo>",
            description = "Benchmark whose layout, metrics and scores to use: mle-bench (medals) or mle-dojo (HumanRank).")
    String format;

    @Option(names = "--mlebench-dir", paramLabel = "<dir>",
            description = "An mle-bench checkout whose leaderboard.csv files give the medal thresholds (default: packaged Lite table).")
    Path mlebenchDir;

    @Option(names = "--leaderboards-dir", paramLabel = "<dir>",
            description = "MLE-Dojo only: folder of <id>/{private,public}_leaderboard.csv when the data dir lacks them.")
    Path leaderboardsDir;

    private final Map<String, Task> tasks = new HashMap<>();
    private final Map<String, Grader> graders = new HashMap<>();
    private TaskSuite suite;

    private String suiteName() {
        return switch (format) {
            case "mle-bench" -> "mle-bench-lite";
            case "mle-dojo" -> "mle-dojo";
            default -> throw new IllegalArgumentException("Unknown --format '" + format + "'; use mle-bench or mle-dojo.");
        };
    }

    /** Loads the tasks of the given competition ids (those with data) through the suite extension. */
    void load(Extensions extensions, Collection<String> competitionIds) {
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("The data dir " + dataDir + " does not exist; pass --data-dir with the"
                    + " prepared competitions.");
        }
        suite = extensions.create(ExtensionKind.SUITE, suiteName());
        Map<String, String> options = new LinkedHashMap<>();
        options.put("competitions", String.join(",", competitionIds));
        if (mlebenchDir != null) {
            options.put("mlebench-dir", mlebenchDir.toString());
        }
        if (leaderboardsDir != null) {
            options.put("leaderboards-dir", leaderboardsDir.toString());
        }
        for (Task t : suite.load(dataDir, options)) {
            tasks.put(t.id(), t);
        }
    }

    /** The loaded task, or {@code null} when the suite does not know the id. */
    Task task(String competitionId) {
        return tasks.get(competitionId);
    }

    /** One grader per task, so a competition's answers are read once per batch. */
    Grader grader(Task task) {
        return graders.computeIfAbsent(task.id(), id -> suite.grader(task));
    }

    /** The competitions this format knows, for error messages. */
    List<String> known() {
        return tasks.keySet().stream().sorted().toList();
    }
}
