package io.sandmle.environments.generator;

import io.sandmle.support.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Samples latent features for the train and test sides and applies the hidden rule to label them. Decision
 * thresholds (binary cut, ordinal bins) are fitted on the training side only and reused for the test side.
 */
final class Labeler {

    private final TaskSpec spec;

    Labeler(TaskSpec spec) {
        this.spec = spec;
    }

    /** Returns {train, test}. */
    Split[] sample() {
        Set<String> used = new HashSet<>();
        SeededRandom ids = spec.random("ids");
        double[][] zTrain = latent(spec.trainRows(), spec.random("z-train"), 0);
        double[][] zTest = latent(spec.testRows(), spec.random("z-test"), spec.mutations().shift());
        double[][] rawTrain = apply(zTrain, spec.random("eps-train"));
        double[][] rawTest = apply(zTest, spec.random("eps-test"));
        Cut cut = new Cut(rawTrain, spec);
        return new Split[] {
                split(newIds(spec.trainRows(), ids, used), zTrain, rawTrain, cut),
                split(newIds(spec.testRows(), ids, used), zTest, rawTest, cut)};
    }

    private double[][] latent(int rows, SeededRandom random, double shift) {
        int dims = spec.rule().latentDims();
        double[][] z = new double[rows][dims];
        for (double[] row : z) {
            for (int j = 0; j < dims; j++) {
                row[j] = random.gaussian();
            }
            // The shifted dimension is the last one; the rule uses it, so the shift matters.
            row[dims - 1] += shift;
        }
        return z;
    }

    private double[][] apply(double[][] z, SeededRandom epsilon) {
        double[][] out = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            out[i] = spec.rule().apply(z[i], epsilon);
        }
        return out;
    }

    private static List<String> newIds(int n, SeededRandom random, Set<String> used) {
        List<String> ids = new ArrayList<>(n);
        while (ids.size() < n) {
            String id = random.hexId(10);
            if (used.add(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private Split split(List<String> ids, double[][] z, double[][] raw, Cut cut) {
        TargetSchema t = spec.target();
        List<String[]> train = new ArrayList<>(ids.size());
        List<String[]> answers = new ArrayList<>(ids.size());
        for (double[] r : raw) {
            switch (t.kind()) {
                case PROBABILITY -> {
                    String[] cells = new String[r.length];
                    for (int o = 0; o < r.length; o++) {
                        cells[o] = r[o] > cut.thresholds[o] ? "1" : "0";
                    }
                    train.add(cells);
                    answers.add(cells);
                }
                case NUMBER -> {
                    String[] cells = new String[r.length];
                    for (int o = 0; o < r.length; o++) {
                        cells[o] = number(t.metric().equals("rmsle") ? 20 * Math.exp(0.6 * r[o]) : 50 + 12 * r[o]);
                    }
                    train.add(cells);
                    answers.add(cells);
                }
                case LABEL -> {
                    String label = t.classNames().get(cut.classOf(r));
                    train.add(new String[] {label});
                    answers.add(new String[] {label});
                }
                case RANKED_LABELS -> {
                    String label = t.classNames().get(argmax(r));
                    train.add(new String[] {label});
                    answers.add(new String[] {label});
                }
                case CLASS_PROBABILITIES -> {
                    int c = argmax(r);
                    String[] oneHot = new String[t.classNames().size()];
                    Arrays.fill(oneHot, "0");
                    oneHot[c] = "1";
                    train.add(new String[] {t.classNames().get(c)});
                    answers.add(oneHot);
                }
                default -> throw new IllegalStateException("unknown target kind " + t.kind());
            }
        }
        return new Split(List.copyOf(ids), z, train, answers);
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static int argmax(double[] r) {
        int best = 0;
        for (int i = 1; i < r.length; i++) {
            if (r[i] > r[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Decision thresholds fitted on the training side. */
    private static final class Cut {
        final double[] thresholds;
        final double[] bins;
        final boolean ordinal;
        final boolean binaryLabel;

        Cut(double[][] rawTrain, TaskSpec spec) {
            TargetSchema t = spec.target();
            int outputs = rawTrain[0].length;
            thresholds = new double[outputs];
            for (int o = 0; o < outputs; o++) {
                thresholds[o] = Quantiles.lowerQuantile(column(rawTrain, o), 1 - spec.mutations().positiveRate());
            }
            ordinal = t.ordinal();
            binaryLabel = t.kind() == TargetKind.LABEL && !t.ordinal() && t.classNames().size() == 2;
            int k = t.classNames().size();
            bins = new double[Math.max(0, k - 1)];
            for (int b = 0; b < bins.length; b++) {
                bins[b] = Quantiles.lowerQuantile(column(rawTrain, 0), (b + 1.0) / k);
            }
        }

        int classOf(double[] r) {
            if (binaryLabel) {
                return r[0] > thresholds[0] ? 1 : 0;
            }
            if (ordinal) {
                int c = 0;
                while (c < bins.length && r[0] > bins[c]) {
                    c++;
                }
                return c;
            }
            return argmax(r);
        }

        private static double[] column(double[][] m, int o) {
            double[] c = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                c[i] = m[i][o];
            }
            return c;
        }
    }
}
