package io.sandmle.environments.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random metric inputs with the edge cases that trip re-implementations: ties, constant
 * predictions, a single class, extreme probabilities (exact 0 and 1), NaN and infinity,
 * negative values for RMSLE, text labels.
 */
final class MetricCases {

    private final Random rnd;
    private final List<Map<String, Object>> cases = new ArrayList<>();

    MetricCases(long seed) {
        this.rnd = new Random(seed);
    }

    List<Map<String, Object>> build(int perKind) {
        for (int i = 0; i < perKind; i++) {
            int n = 1 + rnd.nextInt(i % 5 == 0 ? 3000 : 60);
            add("roc-auc", binaryLabels(n, i), scores(n, i));
            add("log-loss", binaryLabels(n, i), probabilities(n, i));
            add("log-loss-renormalised", binaryLabels(n, i), probabilities(n, i));
            int k = 2 + rnd.nextInt(4);
            add("roc-auc-macro", columns(n, k, true, i), columns(n, k, false, i));
            double[][] onehot = oneHot(n, k);
            double[][] probs = probabilityRows(n, k, i);
            add("log-loss", onehot, probs);
            add("log-loss-renormalised", onehot, probs);
            add("qwk", ints(n, 1 + rnd.nextInt(5)), ints(n, 1 + rnd.nextInt(5)));
            add("accuracy", ints(n, 3), i % 7 == 0 ? continuous(n) : ints(n, 3));
            add("accuracy", words(n), words(n));
            for (String f1 : List.of("f1-macro", "f1-micro", "f1-weighted")) {
                add(f1, ints(n, 2 + rnd.nextInt(4)), ints(n, 2 + rnd.nextInt(4)));
            }
            add("f1", ints(n, 2), ints(n, 2));
            for (String reg : List.of("rmse", "mse", "mae", "r2")) {
                add(reg, regression(n, i), regression(n, i));
            }
            add("rmsle", positive(n, i), positive(n, i));
            add("map-at-k", lists(n), lists(n));
        }
        return cases;
    }

    private void add(String kind, Object truth, Object predicted) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", cases.size());
        c.put("kind", kind);
        c.put("y_true", truth);
        c.put("y_pred", predicted);
        c.put("k", 5);
        cases.add(c);
    }

    /** Binary labels; every 11th case has a single class (scikit-learn must refuse). */
    private double[] binaryLabels(int n, int i) {
        double[] y = new double[n];
        boolean single = i % 11 == 3;
        for (int r = 0; r < n; r++) {
            y[r] = single ? 1 : rnd.nextBoolean() ? 1 : 0;
        }
        return y;
    }

    /** Scores: continuous, heavily tied, constant, or with a NaN / infinity. */
    private Object scores(int n, int i) {
        Object[] out = new Object[n];
        for (int r = 0; r < n; r++) {
            switch (i % 6) {
                case 0 -> out[r] = Math.round(rnd.nextDouble() * 10) / 10.0;
                case 1 -> out[r] = 0.5;
                case 2 -> out[r] = rnd.nextGaussian() * 1e6;
                default -> out[r] = rnd.nextDouble();
            }
        }
        if (i % 17 == 5) {
            out[rnd.nextInt(n)] = i % 2 == 0 ? "nan" : "inf";
        }
        return out;
    }

    /** Probabilities including exact 0 and 1 and values a hair from them. */
    private double[] probabilities(int n, int i) {
        double[] p = new double[n];
        for (int r = 0; r < n; r++) {
            double u = rnd.nextDouble();
            p[r] = switch (i % 5) {
                case 0 -> u < 0.3 ? 0.0 : u > 0.7 ? 1.0 : u;
                case 1 -> u < 0.5 ? 1e-17 : 1 - 1e-17;
                case 2 -> Math.round(u * 4) / 4.0;
                default -> u;
            };
        }
        return p;
    }

    private double[][] columns(int n, int k, boolean labels, int i) {
        double[][] rows = new double[n][k];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < k; c++) {
                rows[r][c] = labels ? (rnd.nextInt(3) == 0 ? 1 : 0) : (i % 3 == 0 ? Math.round(rnd.nextDouble() * 5) / 5.0
                        : rnd.nextDouble());
            }
        }
        return rows;
    }

    private double[][] oneHot(int n, int k) {
        double[][] rows = new double[n][k];
        for (int r = 0; r < n; r++) {
            rows[r][rnd.nextInt(k)] = 1;
        }
        return rows;
    }

    /** Rows summing to one, or slightly off (renormalisation matters), or with zeros. */
    private double[][] probabilityRows(int n, int k, int i) {
        double[][] rows = new double[n][k];
        for (int r = 0; r < n; r++) {
            double total = 0;
            for (int c = 0; c < k; c++) {
                rows[r][c] = i % 4 == 0 && rnd.nextInt(3) == 0 ? 0 : rnd.nextDouble();
                total += rows[r][c];
            }
            for (int c = 0; c < k; c++) {
                rows[r][c] = total == 0 ? 1.0 / k : rows[r][c] / total * (i % 4 == 1 ? 1.00001 : 1);
            }
        }
        return rows;
    }

    private int[] ints(int n, int classes) {
        int[] y = new int[n];
        for (int r = 0; r < n; r++) {
            y[r] = rnd.nextInt(classes);
        }
        return y;
    }

    private double[] continuous(int n) {
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            y[r] = rnd.nextInt(3) + 0.5;
        }
        return y;
    }

    private String[] words(int n) {
        String[] w = {"one", "two", "three", "Two", "sil.", "ü"};
        String[] y = new String[n];
        for (int r = 0; r < n; r++) {
            y[r] = w[rnd.nextInt(w.length)];
        }
        return y;
    }

    private Object regression(int n, int i) {
        Object[] y = new Object[n];
        for (int r = 0; r < n; r++) {
            y[r] = i % 9 == 4 ? 3.0 : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(6));
        }
        if (i % 19 == 7) {
            y[0] = "nan";
        }
        return y;
    }

    private double[] positive(int n, int i) {
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            y[r] = Math.abs(rnd.nextGaussian()) * 10;
        }
        if (i % 8 == 2) {
            y[rnd.nextInt(n)] = -0.5;
        }
        return y;
    }

    private String[] lists(int n) {
        String[] out = new String[n];
        for (int r = 0; r < n; r++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(7);
            for (int j = 0; j < len; j++) {
                sb.append(j == 0 ? "" : " ").append("c").append(rnd.nextInt(8));
            }
            out[r] = sb.toString();
        }
        return out;
    }
}
