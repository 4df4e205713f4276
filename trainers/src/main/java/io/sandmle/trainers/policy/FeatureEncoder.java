package io.sandmle.trainers.policy;

import io.sandmle.api.Modality;
import io.sandmle.api.ResponseFormat;
import java.util.List;

/** Turns a {@link PromptView} into the fixed-length input vector of the policy network. */
public final class FeatureEncoder {

    /** The formats the policy answers in (free text is answered as a plan and code), in their input order. */
    private static final List<ResponseFormat> ANSWER_FORMATS = List.of(ResponseFormat.REACT,
            ResponseFormat.PLAN_AND_CODE, ResponseFormat.JSON_ACTION);
    private static final List<String> TASK_TYPES = List.of("binary", "multiclass", "multilabel", "ranking",
            "regression", "unknown");
    private static final List<String> METRIC_FAMILIES = List.of("probability", "label", "error", "log-error",
            "r2", "unknown");

    /** Length of every feature vector. */
    public static final int SIZE = ANSWER_FORMATS.size() + Modality.values().length + TASK_TYPES.size()
            + METRIC_FAMILIES.size() + 1 + PromptView.KEYWORDS.size() + Phase.values().length
            + ErrorKind.values().length + ScoreFeedback.values().length + Head.MODEL.library().size() + 2;

    public float[] encode(PromptView view) {
        float[] x = new float[SIZE];
        int at = 0;
        x[at + ANSWER_FORMATS.indexOf(view.format())] = 1;
        at += ANSWER_FORMATS.size();
        x[at + view.modality().ordinal()] = 1;
        at += Modality.values().length;
        x[at + Math.max(0, TASK_TYPES.indexOf(view.taskType()))] = 1;
        at += TASK_TYPES.size();
        x[at + METRIC_FAMILIES.indexOf(metricFamily(view.metric()))] = 1;
        at += METRIC_FAMILIES.size();
        x[at++] = view.rows() <= 0 ? 0f : (float) (Math.log10(view.rows()) / 5.0);
        for (String k : PromptView.KEYWORDS.keySet()) {
            x[at++] = view.keywords().contains(k) ? 1 : 0;
        }
        x[at + view.phase().ordinal()] = 1;
        at += Phase.values().length;
        x[at + view.error().ordinal()] = 1;
        at += ErrorKind.values().length;
        x[at + view.feedback().ordinal()] = 1;
        at += ScoreFeedback.values().length;
        String model = view.previousRecipe().get(Head.MODEL);
        if (model != null) {
            x[at + Head.MODEL.library().indexOf(model)] = 1;
        }
        // Over the whole library, so the inputs are the same length whether or not the policy offers traps.
        at += Head.MODEL.library().size();
        x[at++] = Math.min(view.turn(), 20) / 10f;
        x[at] = 1f;
        return x;
    }

    /** Metrics grouped by what a submission must contain: probabilities, labels or values. */
    static String metricFamily(String metric) {
        if (metric == null) {
            return "unknown";
        }
        return switch (metric) {
            case "roc-auc", "log-loss", "map-at-k" -> "probability";
            case "accuracy", "qwk", "f1-macro" -> "label";
            case "rmse", "mse", "mae", "mcrmse" -> "error";
            case "rmsle" -> "log-error";
            case "r2" -> "r2";
            default -> "unknown";
        };
    }
}
