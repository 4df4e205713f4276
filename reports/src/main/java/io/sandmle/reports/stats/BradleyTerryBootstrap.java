package io.sandmle.reports.stats;

/**
 * Bradley–Terry strengths on the Elo scale with a task-bootstrap 95 % CI. Each task is one game
 * per pair of systems (higher task score wins, ties ½). When some group of systems never loses to
 * the rest, the MLE is infinite; then a quarter win is added each way between every pair (½ game)
 * and {@link Result#regularised()} says so.
 */
public final class BradleyTerryBootstrap {

    /** Elo-scale strengths with CIs, and whether pseudo-games were needed on the observed data. */
    public record Result(Estimate[] elo, boolean regularised) {
    }

    private BradleyTerryBootstrap() {
    }

    /** @param scores {@code scores[task][system]}, higher better */
    public static Result run(double[][] scores, int reps, long seed) {
        int m = scores[0].length;
        int tasks = scores.length;
        double[][] perTask = new double[tasks][];
        for (int t = 0; t < tasks; t++) {
            perTask[t] = flatten(Rankings.preferences(new double[][]{scores[t]}));
        }
        double[][] observed = Rankings.preferences(scores);
        boolean regularised = !Rankings.bradleyTerryDefined(observed);
        double[] pointPi = strengths(observed, null);
        double[] point = Rankings.eloScale(pointPi);
        double[][] replicate = new double[reps][];
        Replicates.run(reps, seed, chunk -> (from, to, rng) -> {
            double[] wins = new double[m * m];
            for (int r = from; r < to; r++) {
                java.util.Arrays.fill(wins, 0);
                for (int k = 0; k < tasks; k++) {
                    double[] game = perTask[rng.nextInt(tasks)];
                    for (int i = 0; i < wins.length; i++) {
                        wins[i] += game[i];
                    }
                }
                replicate[r] = Rankings.eloScale(strengths(unflatten(wins, m), pointPi));
            }
        });
        Estimate[] out = new Estimate[m];
        double[] column = new double[reps];
        for (int s = 0; s < m; s++) {
            for (int r = 0; r < reps; r++) {
                column[r] = replicate[r][s];
            }
            out[s] = Descriptive.percentileInterval(point[s], column);
        }
        return new Result(out, regularised);
    }

    /** Strengths, warm-started from the observed fit when a start is given; adds ½ pseudo-game per pair if the MLE is infinite. */
    private static double[] strengths(double[][] wins, double[] start) {
        if (!Rankings.bradleyTerryDefined(wins)) {
            for (int i = 0; i < wins.length; i++) {
                for (int j = 0; j < wins.length; j++) {
                    if (i != j) {
                        wins[i][j] += 0.25;
                    }
                }
            }
        }
        if (start == null) {
            return Rankings.bradleyTerry(wins);
        }
        double[] startLog = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            startLog[i] = Math.log(start[i]);
        }
        return Rankings.bradleyTerry(wins, startLog);
    }

    private static double[] flatten(double[][] a) {
        int m = a.length;
        double[] f = new double[m * m];
        for (int i = 0; i < m; i++) {
            System.arraycopy(a[i], 0, f, i * m, m);
        }
        return f;
    }

    private static double[][] unflatten(double[] f, int m) {
        double[][] a = new double[m][m];
        for (int i = 0; i < m; i++) {
            System.arraycopy(f, i * m, a[i], 0, m);
        }
        return a;
    }
}
