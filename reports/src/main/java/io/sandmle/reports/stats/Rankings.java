package io.sandmle.reports.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Rank aggregation across tasks. Input everywhere is {@code scores[task][system]}, higher better,
 * for tasks where every system has a score.
 */
public final class Rankings {

    /** Systems for which Kemeny's consensus is found by exhaustive search (8! = 40,320 orders). */
    public static final int KEMENY_LIMIT = 8;
    private static final double TIE = 1e-12;

    /** A consensus order (system indices, best first) and its total Kendall-tau distance to the task rankings. */
    public record Consensus(int[] order, double cost) {
    }

    private Rankings() {
    }

    /** Rank of each system within one task (1 = best, ties averaged). */
    public static double[] ranksBestFirst(double[] scores) {
        double[] negated = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            negated[i] = -scores[i];
        }
        return Ranks.average(negated, TIE).ranks();
    }

    /** Borda points: on each task a system ranked r of m earns m − r; summed over tasks. */
    public static double[] borda(double[][] scores) {
        int m = scores[0].length;
        double[] points = new double[m];
        for (double[] task : scores) {
            double[] r = ranksBestFirst(task);
            for (int s = 0; s < m; s++) {
                points[s] += m - r[s];
            }
        }
        return points;
    }

    /** {@code prefer[i][j]} = tasks on which i beats j (ties count ½). */
    public static double[][] preferences(double[][] scores) {
        int m = scores[0].length;
        double[][] prefer = new double[m][m];
        for (double[] task : scores) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j) {
                        double diff = task[i] - task[j];
                        prefer[i][j] += Math.abs(diff) <= TIE ? 0.5 : diff > 0 ? 1 : 0;
                    }
                }
            }
        }
        return prefer;
    }

    /** Kemeny consensus by exhaustive search; requires at most {@link #KEMENY_LIMIT} systems. */
    public static Consensus kemeny(double[][] scores) {
        double[][] prefer = preferences(scores);
        int m = prefer.length;
        if (m > KEMENY_LIMIT) {
            throw new IllegalArgumentException("Kemeny search is exhaustive; " + m + " systems exceed " + KEMENY_LIMIT);
        }
        int[] best = new int[m];
        double[] bestCost = {Double.POSITIVE_INFINITY};
        search(prefer, new int[m], new boolean[m], 0, 0, best, bestCost);
        return new Consensus(best, bestCost[0]);
    }

    private static void search(double[][] prefer, int[] order, boolean[] used, int depth, double cost,
                               int[] best, double[] bestCost) {
        if (cost >= bestCost[0] - TIE) {
            return;
        }
        int m = prefer.length;
        if (depth == m) {
            bestCost[0] = cost;
            System.arraycopy(order, 0, best, 0, m);
            return;
        }
        for (int s = 0; s < m; s++) {
            if (!used[s]) {
                double added = 0;
                for (int j = 0; j < m; j++) {
                    if (!used[j] && j != s) {
                        added += prefer[j][s]; // tasks that disagree with placing s above j
                    }
                }
                used[s] = true;
                order[depth] = s;
                search(prefer, order, used, depth + 1, cost + added, best, bestCost);
                used[s] = false;
            }
        }
    }

    /**
     * Online Elo (K = 32, start 1500) with one game per task and pair, averaged over
     * {@code orders} random game orders (Elo depends on order).
     */
    public static double[] elo(double[][] scores, int orders, long seed) {
        int m = scores[0].length;
        List<int[]> games = new ArrayList<>();
        for (int t = 0; t < scores.length; t++) {
            for (int i = 0; i < m; i++) {
                for (int j = i + 1; j < m; j++) {
                    games.add(new int[]{t, i, j});
                }
            }
        }
        double[] mean = new double[m];
        Rng rng = new Rng(seed);
        int[] idx = new int[games.size()];
        for (int o = 0; o < orders; o++) {
            for (int g = 0; g < idx.length; g++) {
                idx[g] = g;
            }
            for (int g = idx.length - 1; g > 0; g--) {
                int k = rng.nextInt(g + 1);
                int tmp = idx[g];
                idx[g] = idx[k];
                idx[k] = tmp;
            }
            double[] rating = new double[m];
            java.util.Arrays.fill(rating, 1500);
            for (int g : idx) {
                int[] game = games.get(g);
                double diff = scores[game[0]][game[1]] - scores[game[0]][game[2]];
                double outcome = Math.abs(diff) <= TIE ? 0.5 : diff > 0 ? 1 : 0;
                double[] updated = eloUpdate(rating[game[1]], rating[game[2]], outcome, 32);
                rating[game[1]] = updated[0];
                rating[game[2]] = updated[1];
            }
            for (int s = 0; s < m; s++) {
                mean[s] += rating[s] / orders;
            }
        }
        return mean;
    }

    /** One Elo game: A scores {@code outcome} (1 win, ½ tie, 0 loss) against B. */
    public static double[] eloUpdate(double ratingA, double ratingB, double outcome, double k) {
        double expectedA = 1 / (1 + Math.pow(10, (ratingB - ratingA) / 400));
        double delta = k * (outcome - expectedA);
        return new double[]{ratingA + delta, ratingB - delta};
    }

    /**
     * Bradley–Terry strengths (MLE) from {@code wins[i][j]} (times i beat j), normalised to
     * geometric mean 1. The MLE exists only when every system both wins and loses somewhere;
     * callers check {@link #bradleyTerryDefined} and add pseudo-games otherwise.
     */
    public static double[] bradleyTerry(double[][] wins) {
        return bradleyTerry(wins, new double[wins.length]);
    }

    /**
     * Newton's method on log-strengths θ (the log-likelihood is concave, so damped Newton converges
     * in a handful of steps where the textbook MM iteration needs thousands when one system
     * dominates), warm-started from {@code startLog}; the gauge Σθ = 0 is fixed by adding 11ᵀ to
     * the negated Hessian.
     */
    public static double[] bradleyTerry(double[][] wins, double[] startLog) {
        int m = wins.length;
        double[] theta = startLog.clone();
        for (int iter = 0; iter < 100; iter++) {
            double[] gradient = new double[m];
            double[][] info = new double[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    double games = wins[i][j] + wins[j][i];
                    if (i == j || games == 0) {
                        continue;
                    }
                    double p = 1 / (1 + Math.exp(theta[j] - theta[i]));
                    gradient[i] += wins[i][j] - games * p;
                    info[i][i] += games * p * (1 - p);
                    info[i][j] -= games * p * (1 - p);
                }
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    info[i][j] += 1.0;
                }
            }
            double[] step = new org.apache.commons.math3.linear.LUDecomposition(
                    new org.apache.commons.math3.linear.Array2DRowRealMatrix(info, false)).getSolver()
                    .solve(new org.apache.commons.math3.linear.ArrayRealVector(gradient, false)).toArray();
            double largest = 0;
            for (double v : step) {
                largest = Math.max(largest, Math.abs(v));
            }
            double damp = largest > 2 ? 2 / largest : 1; // keep early steps inside the region where Newton is safe
            for (int i = 0; i < m; i++) {
                theta[i] += damp * step[i];
            }
            if (largest < 1e-12) {
                break;
            }
        }
        double mean = 0;
        for (double v : theta) {
            mean += v / m;
        }
        double[] pi = new double[m];
        for (int i = 0; i < m; i++) {
            pi[i] = Math.exp(theta[i] - mean);
        }
        return pi;
    }

    /**
     * True when the MLE is finite: the "beat at least once" graph is strongly connected (every
     * system can be linked to every other by a chain of wins). Otherwise some group always beats
     * another and their strength ratio runs off to infinity.
     */
    public static boolean bradleyTerryDefined(double[][] wins) {
        int m = wins.length;
        boolean[][] reach = new boolean[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                reach[i][j] = i == j || wins[i][j] > 0;
            }
        }
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    reach[i][j] |= reach[i][k] && reach[k][j];
                }
            }
        }
        for (boolean[] row : reach) {
            for (boolean r : row) {
                if (!r) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Strengths on the Elo scale: 400·log10(π) shifted to mean 1500. */
    public static double[] eloScale(double[] pi) {
        double[] r = new double[pi.length];
        double mean = 0;
        for (int i = 0; i < pi.length; i++) {
            r[i] = 400 * Math.log10(pi[i]);
            mean += r[i] / pi.length;
        }
        for (int i = 0; i < r.length; i++) {
            r[i] += 1500 - mean;
        }
        return r;
    }
}
