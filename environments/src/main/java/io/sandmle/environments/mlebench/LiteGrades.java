package io.sandmle.environments.mlebench;

import io.sandmle.environments.grading.IdAlignment;
import io.sandmle.environments.grading.InvalidSubmissionException;
import io.sandmle.environments.grading.PandasValues;
import io.sandmle.environments.grading.Submission;
import io.sandmle.environments.metrics.Classification;
import io.sandmle.environments.metrics.Labels;
import io.sandmle.environments.metrics.LogLoss;
import io.sandmle.environments.metrics.PairwiseSum;
import io.sandmle.environments.metrics.Regression;
import io.sandmle.environments.metrics.RocAuc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The score functions of MLE-bench's lite graders ({@code mlebench/competitions/<id>/grade.py}),
 * each with that grader's own checks: which columns must exist, whether rows are matched by id,
 * row-sum and range checks for probabilities. Comments note where a grader deliberately differs
 * from the others, because those quirks are what makes scores comparable.
 */
final class LiteGrades {

    /** The nine catheter classes MLE-bench scores for ranzcr (Kaggle scored eleven). */
    static final List<String> RANZCR_CLASSES = List.of("ETT - Abnormal", "ETT - Borderline", "ETT - Normal",
            "NGT - Abnormal", "NGT - Borderline", "NGT - Incompletely Imaged", "NGT - Normal", "CVC - Abnormal",
            "CVC - Borderline");

    private LiteGrades() {
    }

    /**
     * {@code prepare_for_auroc_metric} + {@code roc_auc_score}: id and target present, same row
     * count, numeric target in [0, 1], ids equal after sorting.
     */
    static double auroc(Submission sub, Submission ans, String id, String target) {
        sub.requireColumns(List.of(id, target)).requireRows(ans.rows());
        double[] score = sub.numeric(target);
        Submission.requireProbabilities(score, target);
        int[] order = IdAlignment.align(sub.text(id), ans.text(id), id);
        return RocAuc.binary(ans.numeric(target), Submission.reorder(score, order));
    }

    /** aptos: quadratic kappa of (prediction, truth) after matching id sets. */
    static double aptos(Submission sub, Submission ans) {
        sub.requireColumns(List.of("diagnosis", "id_code")).requireNonEmpty()
                .requireSameIdSet(ans.text("id_code"), "id_code");
        int[] order = IdAlignment.align(sub.text("id_code"), ans.text("id_code"), "id_code");
        String[] predicted = Submission.reorderText(sub.text("diagnosis"), order);
        return Classification.quadraticKappa(Labels.encode(predicted, ans.text("diagnosis")));
    }

    /** denoising: RMSE of pixel values matched by id. */
    static double denoising(Submission sub, Submission ans) {
        sub.requireColumns(List.of("id", "value"));
        double[] value = sub.numeric("value");
        sub.requireRows(ans.rows());
        int[] order = IdAlignment.align(sub.text("id"), ans.text("id"), "id");
        return Regression.rmse(ans.numeric("value"), Submission.reorder(value, order));
    }

    /**
     * One-hot log loss (dog-breed, leaf, spooky): the submission restricted to the answers' columns
     * in the answers' order, rows matched by id, scikit-learn's log loss.
     */
    static double oneHotLogLoss(Submission sub, Submission ans, String id) {
        List<String> classes = classColumns(ans, id);
        sub.requireColumns(ans.columns());
        int[] order = IdAlignment.align(sub.text(id), ans.text(id), id);
        int n = ans.rows();
        int k = classes.size();
        double[] truth = new double[n * k];
        double[] predicted = new double[n * k];
        for (int c = 0; c < k; c++) {
            double[] t = ans.numeric(classes.get(c));
            double[] p = sub.numeric(classes.get(c));
            for (int r = 0; r < n; r++) {
                truth[r * k + c] = t[r];
                predicted[r * k + c] = p[order[r]];
            }
        }
        return LogLoss.multi(truth, predicted, k, false);
    }

    /** dog-breed: every breed column present, same rows, rows summing to 1, values in [0, 1]. */
    static double dogBreed(Submission sub, Submission ans) {
        List<String> classes = classColumns(ans, "id");
        List<String> required = new ArrayList<>(classes);
        required.add("id");
        sub.requireColumns(required).requireRows(ans.rows());
        checkProbabilityRows(sub, classes);
        return oneHotLogLoss(sub, ans, "id");
    }

    /** leaf: exactly the id and species columns, same rows, rows summing to 1, values in [0, 1]. */
    static double leaf(Submission sub, Submission ans) {
        sub.requireExactColumns(ans.columns()).requireRows(ans.rows());
        checkProbabilityRows(sub, classColumns(ans, "id"));
        return oneHotLogLoss(sub, ans, "id");
    }

    /** spooky: shape (n, 4); the checks use columns 2–4 by position, whatever their names. */
    static double spooky(Submission sub, Submission ans) {
        if (sub.rows() != ans.rows() || sub.columns().size() != 4) {
            throw new InvalidSubmissionException(String.format(
                    "The submission must have %,d rows and 4 columns (id, EAP, HPL, MWS) but has %,d rows and %d"
                            + " columns.", ans.rows(), sub.rows(), sub.columns().size()));
        }
        checkProbabilityRows(sub, sub.columns().subList(1, 4));
        return oneHotLogLoss(sub, ans, "id");
    }

    /** dogs-vs-cats: binary log loss of P(dog) matched by id. */
    static double dogsVsCats(Submission sub, Submission ans) {
        sub.requireColumns(List.of("id", "label")).requireSameIdSet(ans.text("id"), "id").requireRows(ans.rows());
        double[] p = sub.numeric("label");
        Submission.requireProbabilities(p, "label");
        int[] order = IdAlignment.align(sub.text("id"), ans.text("id"), "id");
        return LogLoss.binary(ans.numeric("label"), Submission.reorder(p, order), false);
    }

    /**
     * jigsaw: both frames sorted by id; answer rows whose labels sum below 0 (unscored, -1) dropped,
     * and the submission filtered by looking its ids up in that mask, so rows pair by sorted position
     * (a repeated id passes as long as every id is known). The scores are every submission column
     * except id <em>in the submission's file order</em>: an extra column invalidates and a reordered
     * column silently misaligns, as in MLE-bench.
     */
    static double jigsaw(Submission sub, Submission ans) {
        List<String> classes = classColumns(ans, "id");
        List<String> required = new ArrayList<>(classes);
        required.add(0, "id");
        sub.requireColumns(required).requireRows(ans.rows());
        List<String> scoreColumns = new ArrayList<>(sub.columns());
        scoreColumns.remove("id");
        if (scoreColumns.size() != classes.size()) {
            throw new InvalidSubmissionException("The submission has " + scoreColumns.size()
                    + " score columns besides id but exactly " + classes.size() + " are expected.");
        }
        String[] ansIds = ans.text("id");
        String[] subIds = sub.text("id");
        Map<String, Boolean> scored = new HashMap<>();
        double[][] truth = new double[classes.size()][];
        for (int c = 0; c < classes.size(); c++) {
            truth[c] = ans.numeric(classes.get(c));
        }
        for (int r = 0; r < ansIds.length; r++) {
            double sum = 0;
            for (double[] t : truth) {
                sum += t[r];
            }
            scored.put(ansIds[r], sum >= 0);
        }
        int[] ansRows = keptInSortedOrder(ansIds, scored);
        int[] subRows = keptInSortedOrder(subIds, scored);
        double[][] yTrue = new double[classes.size()][];
        double[][] yScore = new double[classes.size()][];
        for (int c = 0; c < classes.size(); c++) {
            yTrue[c] = Submission.reorder(truth[c], ansRows);
            yScore[c] = Submission.reorder(sub.numeric(scoreColumns.get(c)), subRows);
        }
        return RocAuc.macro(yTrue, yScore);
    }

    /** Rows sorted by id and kept where the answers' mask says so; an id the mask lacks is an error. */
    private static int[] keptInSortedOrder(String[] ids, Map<String, Boolean> scored) {
        return java.util.Arrays.stream(IdAlignment.sortOrder(ids)).filter(r -> {
            Boolean keep = scored.get(ids[r]);
            if (keep == null) {
                throw new InvalidSubmissionException("The submission's id '" + PandasValues.abbreviate(ids[r])
                        + "' is not one of the expected ids.");
            }
            return keep;
        }).toArray();
    }

    /** nyc-taxi: both frames sorted by key and paired by position, with no check that the keys agree. */
    static double nycTaxi(Submission sub, Submission ans) {
        sub.requireColumns(List.of("key", "fare_amount"));
        double[] fare = sub.numeric("fare_amount");
        if (sub.rows() != ans.rows()) {
            throw new InvalidSubmissionException(String.format(
                    "The submission has %,d rows but %,d were expected.", sub.rows(), ans.rows()));
        }
        int[] subOrder = IdAlignment.sortOrder(sub.text("key"));
        int[] ansOrder = IdAlignment.sortOrder(ans.text("key"));
        return Regression.rmse(Submission.reorder(ans.numeric("fare_amount"), ansOrder),
                Submission.reorder(fare, subOrder));
    }

    /** nomad: mean of two RMSLEs with rows compared in file order (no sorting, no id check). */
    static double nomad(Submission sub, Submission ans) {
        String formation = "formation_energy_ev_natom";
        String bandgap = "bandgap_energy_ev";
        sub.requireColumns(List.of(formation, bandgap)).requireRows(ans.rows());
        double a = Regression.rmsle(ans.numeric(formation), sub.numeric(formation));
        double b = Regression.rmsle(ans.numeric(bandgap), sub.numeric(bandgap));
        return (a + b) / 2;
    }

    /** plant-pathology: exactly the four class columns plus image_id; mean of per-column AUCs, no range check. */
    static double plantPathology(Submission sub, Submission ans) {
        List<String> expected = List.of("image_id", "healthy", "multiple_diseases", "rust", "scab");
        ans.requireExactColumns(expected);
        sub.requireRows(ans.rows()).requireExactColumns(expected);
        int[] order = IdAlignment.align(sub.text("image_id"), ans.text("image_id"), "image_id");
        double[] aucs = new double[4];
        for (int c = 0; c < 4; c++) {
            String col = expected.get(c + 1);
            aucs[c] = RocAuc.binary(ans.numeric(col), Submission.reorder(sub.numeric(col), order));
        }
        return PairwiseSum.mean(aucs);
    }

    /** ranzcr: the nine classes, each through the AUC helper keyed by StudyInstanceUID, then their mean. */
    static double ranzcr(Submission sub, Submission ans) {
        sub.requireColumns(RANZCR_CLASSES).requireRows(ans.rows());
        double[] aucs = new double[RANZCR_CLASSES.size()];
        for (int c = 0; c < aucs.length; c++) {
            aucs[c] = auroc(sub, ans, "StudyInstanceUID", RANZCR_CLASSES.get(c));
        }
        return PairwiseSum.mean(aucs);
    }

    /** tps-dec-2021: accuracy of Cover_Type matched by Id. */
    static double accuracy(Submission sub, Submission ans, String id, String target) {
        sub.requireRows(ans.rows()).requireColumns(List.of(target, id));
        int[] order = IdAlignment.align(sub.text(id), ans.text(id), id);
        return Classification.accuracy(Labels.encodeForComparison(ans.text(target),
                Submission.reorderText(sub.text(target), order)));
    }

    /**
     * text-normalization: exact string match of {@code after} matched by id, both sides cast with
     * {@code astype(str)} (so NA tokens become "nan" on both sides and compare equal).
     */
    static double textNormalization(Submission sub, Submission ans) {
        sub.requireRows(ans.rows()).requireColumns(List.of("after", "id"));
        int[] order = IdAlignment.align(sub.text("id"), ans.text("id"), "id");
        String[] predicted = PandasValues.asPandasStrings(sub.text("after"));
        String[] truth = PandasValues.asPandasStrings(ans.text("after"));
        long hits = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i].equals(predicted[order[i]])) {
                hits++;
            }
        }
        return (double) hits / truth.length;
    }

    private static void checkProbabilityRows(Submission sub, List<String> classes) {
        double[][] p = new double[classes.size()][];
        for (int c = 0; c < p.length; c++) {
            p[c] = sub.numeric(classes.get(c));
        }
        Submission.requireRowsSumToOne(p);
        for (int c = 0; c < p.length; c++) {
            Submission.requireProbabilities(p[c], classes.get(c));
        }
    }

    private static List<String> classColumns(Submission ans, String id) {
        List<String> classes = new ArrayList<>(ans.columns());
        classes.remove(id);
        return classes;
    }
}
