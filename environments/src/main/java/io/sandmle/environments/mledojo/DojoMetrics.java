package io.sandmle.environments.mledojo;

import io.sandmle.api.Metric;
import io.sandmle.environments.grading.CsvGrader;
import io.sandmle.environments.grading.IdAlignment;
import io.sandmle.environments.grading.InvalidSubmissionException;
import io.sandmle.environments.grading.PandasValues;
import io.sandmle.environments.grading.Submission;
import io.sandmle.environments.metrics.Classification;
import io.sandmle.environments.metrics.Labels;
import io.sandmle.environments.metrics.LogLoss;
import io.sandmle.environments.metrics.Metrics;
import io.sandmle.environments.metrics.PairwiseSum;
import io.sandmle.environments.metrics.Regression;
import io.sandmle.environments.metrics.RocAuc;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MLE-Dojo's metrics ({@code mledojo/competitions/<id>/utils/metric.py}) for its MLE-Lite set, with
 * their quirks (log losses clipped at 1e-15, leaf renormalised, nyc-taxi scored as MSE, insults and
 * ranzcr not aligned by id), and a generic metric chosen from the Kaggle metric name for the rest.
 * Every competition first passes MLE-Dojo's usual {@code validate_submission}: same row count, same
 * first-column values after sorting, exactly the answers' columns.
 */
public final class DojoMetrics {

    /** MLE-Dojo's clipping epsilon for log losses. */
    static final double DOJO_EPS = 1e-15;

    /** A scorer and its direction. */
    public record DojoMetric(String name, boolean higherIsBetter, CsvGrader.ScoreFunction score) {
    }

    private static final Map<String, DojoMetric> LITE = Map.ofEntries(
            lite("aerial-cactus-identification", "roc-auc", true, (s, a) -> sortedAuc(s, a, 1)),
            lite("aptos2019-blindness-detection", "qwk", true, DojoMetrics::aptos),
            lite("denoising-dirty-documents", "rmse", false, (s, a) -> sortedRegression(s, a, false)),
            lite("detecting-insults-in-social-commentary", "roc-auc", true, DojoMetrics::insults),
            lite("dog-breed-identification", "log-loss", false, (s, a) -> logLoss(s, a, false)),
            lite("dogs-vs-cats-redux-kernels-edition", "log-loss", false, DojoMetrics::binaryLogLoss),
            lite("histopathologic-cancer-detection", "roc-auc", true, (s, a) -> sortedAuc(s, a, 1)),
            lite("jigsaw-toxic-comment-classification-challenge", "roc-auc", true, DojoMetrics::jigsaw),
            lite("leaf-classification", "log-loss", false, (s, a) -> logLoss(s, a, true)),
            lite("mlsp-2013-birds", "roc-auc", true, (s, a) -> sortedAuc(s, a, 1)),
            lite("new-york-city-taxi-fare-prediction", "mse", false, (s, a) -> sortedRegression(s, a, true)),
            lite("nomad2018-predict-transparent-conductors", "rmsle", false, DojoMetrics::nomad),
            lite("plant-pathology-2020-fgvc7", "roc-auc", true, (s, a) -> meanAuc(s, a, true, 0.5)),
            lite("random-acts-of-pizza", "roc-auc", true, (s, a) -> sortedAuc(s, a, 1)),
            lite("ranzcr-clip-catheter-line-classification", "roc-auc", true, (s, a) -> meanAuc(s, a, false, 0.0)),
            lite("spooky-author-identification", "log-loss", false, (s, a) -> logLoss(s, a, false)),
            lite("tabular-playground-series-dec-2021", "accuracy", true, DojoMetrics::accuracy),
            lite("tabular-playground-series-may-2022", "roc-auc", true, (s, a) -> sortedAuc(s, a, 1)),
            lite("text-normalization-challenge-english-language", "accuracy", true, DojoMetrics::accuracy),
            lite("text-normalization-challenge-russian-language", "accuracy", true, DojoMetrics::accuracy),
            lite("the-icml-2013-whale-challenge-right-whale-redux", "roc-auc", true, (s, a) -> sortedAuc(s, a, 1)));

    /** Kaggle metric names (the last tag in MLE-Dojo's metadata) with a generic equivalent here. */
    private static final Map<String, String> BY_KAGGLE_NAME = Map.ofEntries(
            Map.entry("Area Under Receiver Operating Characteristic Curve", "roc-auc"),
            Map.entry("Roc Auc Score", "roc-auc"),
            Map.entry("Mean Columnwise Area Under Receiver Operating Characteristic Curve", "roc-auc"),
            Map.entry("Root Mean Squared Error", "rmse"),
            Map.entry("Mean Columnwise Root Mean Squared Error", "mcrmse"),
            Map.entry("Categorization Accuracy", "accuracy"),
            Map.entry("Accuracy Score", "accuracy"),
            Map.entry("Log Loss", "log-loss"),
            Map.entry("Multiclass Loss", "log-loss"),
            Map.entry("Mean Absolute Error", "mae"),
            Map.entry("Root Mean Squared Logarithmic Error", "rmsle"),
            Map.entry("Mean Columnwise Root Mean Squared Logarithmic Error", "rmsle"),
            Map.entry("F-Score (Macro)", "f1-macro"),
            Map.entry("F1 Score", "f1"),
            Map.entry("MAP@{K}", "map-at-k"),
            Map.entry("QuadraticWeightedKappa", "qwk"),
            Map.entry("Cohen Kappa Score", "qwk"),
            Map.entry("Mean Squared Error", "mse"),
            Map.entry("R^2 score (coefficient of determination)", "r2"),
            Map.entry("R2 Score", "r2"));

    private DojoMetrics() {
    }

    private static Map.Entry<String, DojoMetric> lite(String id, String name, boolean higher,
                                                      CsvGrader.ScoreFunction f) {
        return Map.entry(id, new DojoMetric(name, higher, f));
    }

    /** MLE-Dojo's own metric for an MLE-Lite competition. */
    public static Optional<DojoMetric> lite(String id) {
        return Optional.ofNullable(LITE.get(id));
    }

    /**
     * A generic metric for a Kaggle metric name, or empty when none fits (custom metrics).
     *
     * @param higherIsBetter the direction read from the competition's leaderboard
     */
    public static Optional<DojoMetric> generic(String kaggleMetric, boolean higherIsBetter) {
        String name = BY_KAGGLE_NAME.get(kaggleMetric);
        if (name == null) {
            return Optional.empty();
        }
        Metric metric = Metrics.byName(name);
        return Optional.of(new DojoMetric(name, higherIsBetter, (s, a) -> generic(s, a, metric)));
    }

    /** MLE-Dojo's usual {@code validate_submission}: row count, first-column values, exact column set. */
    static void validate(Submission sub, Submission ans) {
        sub.requireRows(ans.rows());
        if (sub.columns().isEmpty()) {
            throw new InvalidSubmissionException("The submission has no columns.");
        }
        String id = ans.columns().get(0);
        String[] subIds = PandasValues.asPandasStrings(sub.table().columns().get(0));
        String[] ansIds = PandasValues.asPandasStrings(ans.table().columns().get(0));
        List<String> a = sorted(subIds);
        if (!a.equals(sorted(ansIds))) {
            throw new InvalidSubmissionException("The submission's first column (" + sub.columns().get(0)
                    + ") does not hold the same " + id + " values as the answers.");
        }
        if (!new HashSet<>(sub.columns()).equals(new HashSet<>(ans.columns()))) {
            sub.requireExactColumns(ans.columns());
        }
    }

    private static List<String> sorted(String[] v) {
        List<String> l = new ArrayList<>(List.of(v));
        l.sort(null);
        return l;
    }

    /** Rows of the submission for each answer row, matched on the answers' first column (as text). */
    private static int[] alignOnFirst(Submission sub, Submission ans) {
        String id = ans.columns().get(0);
        return IdAlignment.align(PandasValues.asPandasStrings(sub.text(id)), PandasValues.asPandasStrings(ans.text(id)),
                id);
    }

    private static double[] aligned(Submission sub, String column, int[] order) {
        return Submission.reorder(sub.numeric(column), order);
    }

    private static double sortedAuc(Submission sub, Submission ans, int targetIndex) {
        String target = ans.columns().get(targetIndex);
        int[] order = alignOnFirst(sub, ans);
        return RocAuc.binary(ans.numeric(target), aligned(sub, target, order));
    }

    /** insults: no sorting, rows compared in file order. */
    private static double insults(Submission sub, Submission ans) {
        return RocAuc.binary(ans.numeric("Insult"), sub.numeric("Insult"));
    }

    private static double aptos(Submission sub, Submission ans) {
        int[] order = alignOnFirst(sub, ans);
        String[] predicted = Submission.reorderText(sub.text("diagnosis"), order);
        return Classification.quadraticKappa(Labels.encode(ans.text("diagnosis"), predicted));
    }

    private static double sortedRegression(Submission sub, Submission ans, boolean squared) {
        String target = ans.columns().get(1);
        int[] order = alignOnFirst(sub, ans);
        double[] truth = ans.numeric(target);
        double[] predicted = aligned(sub, target, order);
        return squared ? Regression.mse(truth, predicted) : Regression.rmse(truth, predicted);
    }

    /** Log loss clipped at 1e-15 over every column after the first; leaf also renormalises rows. */
    private static double logLoss(Submission sub, Submission ans, boolean renormalise) {
        int[] order = alignOnFirst(sub, ans);
        List<String> classes = ans.columns().subList(1, ans.columns().size());
        int n = ans.rows();
        int k = classes.size();
        double[] truth = new double[n * k];
        double[] predicted = new double[n * k];
        for (int c = 0; c < k; c++) {
            double[] t = ans.numeric(classes.get(c));
            double[] p = aligned(sub, classes.get(c), order);
            for (int r = 0; r < n; r++) {
                truth[r * k + c] = t[r];
                predicted[r * k + c] = p[r];
            }
        }
        return LogLoss.multi(truth, predicted, k, DOJO_EPS, renormalise);
    }

    /**
     * dogs-vs-cats: {@code -mean(y·log p + (1−y)·log(1−p))} with p clipped first, so a prediction of
     * exactly 1 costs {@code log(1 − (1 − 1e-15))}, not {@code log(1e-15)} as scikit-learn's would.
     */
    private static double binaryLogLoss(Submission sub, Submission ans) {
        int[] order = alignOnFirst(sub, ans);
        double[] y = ans.numeric("label");
        double[] p = aligned(sub, "label", order);
        double[] losses = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double q = Math.min(Math.max(p[i], DOJO_EPS), 1 - DOJO_EPS);
            losses[i] = y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
        }
        return -PairwiseSum.mean(losses);
    }

    private static double jigsaw(Submission sub, Submission ans) {
        int[] order = alignOnFirst(sub, ans);
        List<String> classes = ans.columns().subList(1, ans.columns().size());
        double[][] truth = new double[classes.size()][];
        for (int c = 0; c < truth.length; c++) {
            truth[c] = ans.numeric(classes.get(c));
        }
        List<Integer> keep = new ArrayList<>();
        for (int r = 0; r < ans.rows(); r++) {
            double sum = 0;
            for (double[] t : truth) {
                sum += t[r];
            }
            if (sum >= 0) {
                keep.add(r);
            }
        }
        int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
        double[][] yTrue = new double[truth.length][];
        double[][] yScore = new double[truth.length][];
        for (int c = 0; c < truth.length; c++) {
            yTrue[c] = Submission.reorder(truth[c], rows);
            yScore[c] = Submission.reorder(aligned(sub, classes.get(c), order), rows);
        }
        return RocAuc.macro(yTrue, yScore);
    }

    /** nomad: per target sqrt(mean((log(t+1) − log(p+1))²)) without a negative-value check, then the mean. */
    private static double nomad(Submission sub, Submission ans) {
        int[] order = alignOnFirst(sub, ans);
        double[] perTarget = new double[2];
        List<String> targets = List.of("formation_energy_ev_natom", "bandgap_energy_ev");
        for (int c = 0; c < 2; c++) {
            double[] t = ans.numeric(targets.get(c));
            double[] p = aligned(sub, targets.get(c), order);
            double[] sq = new double[t.length];
            for (int r = 0; r < t.length; r++) {
                double d = Math.log(t[r] + 1) - Math.log(p[r] + 1);
                sq[r] = d * d;
            }
            perTarget[c] = Math.sqrt(PairwiseSum.mean(sq));
        }
        return PairwiseSum.mean(perTarget);
    }

    /**
     * Mean per-column AUC over every answers column after the first; a column that cannot be scored
     * counts as {@code failed}. plant-pathology aligns rows by id; ranzcr compares rows in file order.
     */
    private static double meanAuc(Submission sub, Submission ans, boolean align, double failed) {
        int[] order = align ? alignOnFirst(sub, ans) : identity(ans.rows());
        List<String> columns = ans.columns().subList(1, ans.columns().size());
        double[] aucs = new double[columns.size()];
        for (int c = 0; c < aucs.length; c++) {
            try {
                aucs[c] = RocAuc.binary(ans.numeric(columns.get(c)), aligned(sub, columns.get(c), order));
            } catch (IllegalArgumentException e) {
                aucs[c] = failed;
            }
        }
        return PairwiseSum.mean(aucs);
    }

    private static double accuracy(Submission sub, Submission ans) {
        String target = ans.columns().get(1);
        int[] order = alignOnFirst(sub, ans);
        String[] truth = PandasValues.asPandasStrings(ans.text(target));
        String[] predicted = Submission.reorderText(PandasValues.asPandasStrings(sub.text(target)), order);
        long hits = 0;
        for (int i = 0; i < truth.length; i++) {
            hits += truth[i].equals(predicted[i]) ? 1 : 0;
        }
        return (double) hits / truth.length;
    }

    /** A named metric over every column after the first, rows matched on the first column. */
    private static double generic(Submission sub, Submission ans, Metric metric) {
        int[] order = alignOnFirst(sub, ans);
        return sub.scoreTargets(ans, order, metric);
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
