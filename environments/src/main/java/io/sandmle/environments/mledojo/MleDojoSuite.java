package io.sandmle.environments.mledojo;

import io.sandmle.api.ColumnTable;
import io.sandmle.api.Grade;
import io.sandmle.api.Grader;
import io.sandmle.api.Medal;
import io.sandmle.api.Modality;
import io.sandmle.api.Task;
import io.sandmle.api.TaskSuite;
import io.sandmle.environments.grading.CsvGrader;
import io.sandmle.environments.grading.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code mle-dojo} suite: MLE-Dojo's prepared layout {@code <dir>/<id>/data/{public,private}}
 * with {@code private/test_answer.csv} and the human leaderboards, graded with MLE-Dojo's metric
 * (no rounding) and HumanRank.
 *
 * <p>Options: {@code competitions} (comma-separated ids), {@code leaderboards-dir} (a folder of
 * {@code <id>/{private,public}_leaderboard.csv} used when the data dir's private folder lacks them),
 * {@code max-bytes}.
 */
public final class MleDojoSuite implements TaskSuite {

    public static final String OPTION_COMPETITIONS = "competitions";
    public static final String OPTION_LEADERBOARDS = "leaderboards-dir";
    public static final String OPTION_MAX_BYTES = "max-bytes";
    static final String ANSWERS = "test_answer.csv";
    private static final String BOARDS = "leaderboards";

    private long maxBytes = CsvReader.DEFAULT_MAX_BYTES;

    /** Category and Kaggle metric name of each of the 202 competitions (from MLE-Dojo's metadata). */
    static Map<String, String[]> catalog() {
        try (InputStream in = MleDojoSuite.class.getResourceAsStream("competitions.csv")) {
            ColumnTable t = CsvReader.parse(in.readAllBytes());
            Map<String, String[]> out = new LinkedHashMap<>();
            for (int r = 0; r < t.rows(); r++) {
                out.put(t.column("competition_id")[r],
                        new String[] {t.column("category")[r], t.column("kaggle_metric")[r]});
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Task> load(Path dataDir, Map<String, String> options) {
        maxBytes = Long.parseLong(options.getOrDefault(OPTION_MAX_BYTES, String.valueOf(CsvReader.DEFAULT_MAX_BYTES)));
        Map<String, String[]> catalog = catalog();
        List<String> wanted = options.containsKey(OPTION_COMPETITIONS)
                ? List.of(options.get(OPTION_COMPETITIONS).split(",")) : null;
        Path boardsDir = options.containsKey(OPTION_LEADERBOARDS) ? Path.of(options.get(OPTION_LEADERBOARDS)) : null;
        List<Task> tasks = new ArrayList<>();
        for (Map.Entry<String, String[]> e : catalog.entrySet()) {
            String id = e.getKey();
            boolean requested = wanted != null && wanted.contains(id);
            if ((wanted != null && !requested)
                    || (!requested && !Files.isDirectory(dataDir.resolve(id).resolve("data")))) {
                continue;
            }
            Path root = dataDir.resolve(id);
            Path boards = leaderboardDir(root, boardsDir, id);
            Optional<DojoMetrics.DojoMetric> lite = DojoMetrics.lite(id);
            boolean higher = lite.map(DojoMetrics.DojoMetric::higherIsBetter)
                    .orElseGet(() -> directionFromBoards(boards));
            String metric = lite.map(DojoMetrics.DojoMetric::name)
                    .orElseGet(() -> DojoMetrics.generic(e.getValue()[1], higher).map(DojoMetrics.DojoMetric::name)
                            .orElse("unsupported"));
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("benchmark", "mle-dojo");
            attributes.put("kaggle-metric", e.getValue()[1]);
            attributes.put(Task.PUBLIC_SUBDIR, "data/public");
            attributes.put(Task.PRIVATE_SUBDIR, "data/private");
            attributes.put(BOARDS, boards.toString());
            tasks.add(new Task(Task.SCHEMA_VERSION, id, id, metric, !higher, null, Modality.TABULAR, "competition",
                    e.getValue()[0], attributes, root));
        }
        return tasks;
    }

    private static Path leaderboardDir(Path root, Path boardsDir, String id) {
        Path own = root.resolve("data").resolve("private");
        if (Files.exists(own.resolve("private_leaderboard.csv")) || boardsDir == null) {
            return own;
        }
        return boardsDir.resolve(id);
    }

    private static boolean directionFromBoards(Path boards) {
        for (String b : List.of("private", "public")) {
            Path f = boards.resolve(b + "_leaderboard.csv");
            if (Files.isRegularFile(f)) {
                double[] s = HumanRank.scores(f);
                if (s.length > 0 && s[0] != s[s.length - 1]) {
                    return HumanRank.higherIsBetter(s);
                }
            }
        }
        return true;
    }

    @Override
    public Grader grader(Task task) {
        boolean higher = !task.lowerIsBetter();
        String kaggleMetric = task.attributes().getOrDefault("kaggle-metric", "");
        Optional<DojoMetrics.DojoMetric> metric = DojoMetrics.lite(task.id())
                .or(() -> DojoMetrics.generic(kaggleMetric, higher));
        CsvGrader.ScoreFunction score = metric.<CsvGrader.ScoreFunction>map(m -> (sub, ans) -> {
            DojoMetrics.validate(sub, ans);
            return m.score().score(sub, ans);
        }).orElse((sub, ans) -> {
            throw new IllegalArgumentException("No generic metric reproduces '" + kaggleMetric + "' for " + task.id()
                    + "; it needs MLE-Dojo's own metric code.");
        });
        Path boards = Path.of(task.attributes().get(BOARDS));
        return new CsvGrader(ANSWERS, score, (t, raw) -> finish(t, raw, boards), maxBytes);
    }

    /** Raw score (MLE-Dojo does not round) with HumanRank from the human boards; no medals. */
    private static Grade finish(Task task, double raw, Path boards) {
        double rank = HumanRank.fromDir(boards, !task.lowerIsBetter()).of(raw).score();
        return new Grade(Grade.SCHEMA_VERSION, task.id(), true, true, raw, null, Medal.NONE, false, rank, null,
                task.lowerIsBetter());
    }
}
