package io.sandmle.environments.mlebench;

import io.sandmle.api.ColumnTable;
import io.sandmle.api.Thresholds;
import io.sandmle.environments.grading.CsvReader;
import io.sandmle.environments.grading.Medals;
import io.sandmle.environments.grading.PandasValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where MLE-bench medal thresholds come from: the competition's {@code leaderboard.csv} in an
 * mle-bench checkout when the user gives one ({@code mlebench/competitions/<id>/leaderboard.csv},
 * Kaggle rules by team count), otherwise the packaged table of the 22 Lite thresholds.
 */
public final class MedalTable {

    /** A competition's cut-offs and direction. */
    public record Entry(Thresholds thresholds, boolean lowerIsBetter, int leaderboardRows) {
    }

    private static final String PACKAGED = "lite-thresholds.csv";

    private MedalTable() {
    }

    /** The packaged Lite table (copied from MLE-bench's leaderboards; see the reference digest §4). */
    public static Map<String, Entry> packaged() {
        try (InputStream in = MedalTable.class.getResourceAsStream(PACKAGED)) {
            ColumnTable t = CsvReader.parse(in.readAllBytes());
            Map<String, Entry> out = new LinkedHashMap<>();
            for (int r = 0; r < t.rows(); r++) {
                Thresholds th = new Thresholds(number(t, "gold", r), number(t, "silver", r), number(t, "bronze", r),
                        number(t, "median", r));
                out.put(t.column("competition_id")[r], new Entry(th,
                        Boolean.parseBoolean(t.column("lower_is_better")[r]), (int) number(t, "mlebench_rows", r)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double number(ColumnTable t, String column, int row) {
        return Double.parseDouble(t.column(column)[row]);
    }

    /**
     * Thresholds from an mle-bench checkout's leaderboard, or empty when the checkout has no file
     * for this competition.
     *
     * @throws IllegalArgumentException when the file is a Git LFS pointer or has no score column
     */
    public static Optional<Entry> fromCheckout(Path mlebenchDir, String competitionId) {
        Path file = mlebenchDir.resolve("mlebench").resolve("competitions").resolve(competitionId)
                .resolve("leaderboard.csv");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(fromLeaderboard(file));
    }

    /** Thresholds of one leaderboard file, rows in file order (best first). */
    public static Entry fromLeaderboard(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (new String(bytes, 0, Math.min(bytes.length, 40), java.nio.charset.StandardCharsets.US_ASCII)
                    .startsWith("version https://git-lfs")) {
                throw new IllegalArgumentException(file + " is a Git LFS pointer; run 'git lfs pull' in the"
                        + " mle-bench checkout to fetch the real leaderboard.");
            }
            ColumnTable t = CsvReader.parse(bytes);
            if (!t.names().contains("score")) {
                throw new IllegalArgumentException(file + " has no 'score' column.");
            }
            String[] raw = t.column("score");
            if (raw.length == 0) {
                throw new IllegalArgumentException(file + " has no rows.");
            }
            double[] scores = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                scores[i] = PandasValues.parseOrNaN(raw[i]);
            }
            return new Entry(Medals.thresholds(scores), Medals.lowerIsBetter(scores), scores.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
