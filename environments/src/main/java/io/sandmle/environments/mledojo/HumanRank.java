package io.sandmle.environments.mledojo;

import io.sandmle.api.ColumnTable;
import io.sandmle.environments.grading.CsvReader;
import io.sandmle.environments.grading.PandasValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MLE-Dojo's HumanRank ({@code CodeExecutionInterface._calculate_leaderboard_position}): on each
 * of the private and public boards that exist, the human scores (second column) sorted best first,
 * {@code p} = 1 + the first index whose human score the agent equals or beats (ties go to the agent;
 * none, or a NaN agent score, gives {@code T + 1}), position score {@code (T − p + 1) / T}; HumanRank
 * is the mean over the boards.
 */
public final class HumanRank {

    /** One board's result. */
    public record Position(String board, int position, int total, double positionScore) {
    }

    /** Both boards' results and their mean. */
    public record Result(List<Position> boards, double score) {
    }

    private final List<String> names = new ArrayList<>();
    private final List<double[]> sortedBest = new ArrayList<>();
    private final boolean higherIsBetter;

    private HumanRank(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    /**
     * Reads {@code private_leaderboard.csv} and {@code public_leaderboard.csv} from {@code dir}
     * (those that exist).
     *
     * @throws IllegalArgumentException when neither exists or a board is unreadable
     */
    public static HumanRank fromDir(Path dir, boolean higherIsBetter) {
        HumanRank h = new HumanRank(higherIsBetter);
        for (String board : List.of("private", "public")) {
            Path file = dir.resolve(board + "_leaderboard.csv");
            if (Files.isRegularFile(file)) {
                h.add(board, scores(file));
            }
        }
        if (h.names.isEmpty()) {
            throw new IllegalArgumentException("No private_leaderboard.csv or public_leaderboard.csv in " + dir + ".");
        }
        return h;
    }

    /** The second column of a board as numbers. */
    public static double[] scores(Path board) {
        ColumnTable t = CsvReader.read(board, Long.MAX_VALUE);
        if (t.names().size() < 2) {
            throw new IllegalArgumentException(board + " needs a score in its second column.");
        }
        return PandasValues.numeric(t.columns().get(1), t.names().get(1));
    }

    private void add(String board, double[] scores) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        if (higherIsBetter) {
            for (int i = 0, j = sorted.length - 1; i < j; i++, j--) {
                double tmp = sorted[i];
                sorted[i] = sorted[j];
                sorted[j] = tmp;
            }
        }
        names.add(board);
        sortedBest.add(sorted);
    }

    /** HumanRank of an agent score. */
    public Result of(double agent) {
        List<Position> positions = new ArrayList<>();
        double total = 0;
        for (int b = 0; b < names.size(); b++) {
            double[] s = sortedBest.get(b);
            int p = firstBeaten(s, agent);
            double score = (double) (s.length - p + 1) / s.length;
            positions.add(new Position(names.get(b), p, s.length, score));
            total += score;
        }
        return new Result(positions, total / positions.size());
    }

    /** 1-based position of the first human score the agent reaches, by binary search on the sorted board. */
    private int firstBeaten(double[] sortedBestFirst, double agent) {
        if (Double.isNaN(agent)) {
            return sortedBestFirst.length + 1;
        }
        int lo = 0;
        int hi = sortedBestFirst.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            boolean reached = higherIsBetter ? agent >= sortedBestFirst[mid] : agent <= sortedBestFirst[mid];
            if (reached) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo + 1;
    }

    /** Infers a board's direction the way its file reads: rank 1 first, so a first score below the last means lower is better. */
    public static boolean higherIsBetter(double[] scoresInRankOrder) {
        return !(scoresInRankOrder[0] < scoresInRankOrder[scoresInRankOrder.length - 1]);
    }
}
