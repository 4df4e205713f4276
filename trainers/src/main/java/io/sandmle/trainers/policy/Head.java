package io.sandmle.trainers.policy;

import java.util.List;

/**
 * One categorical decision of the embedded policy. Each head owns a slice of the network's output
 * logits; a sampled value is reported to GRPO as the token {@code head=value}.
 */
public enum Head {
    /** Model family. {@code lightgbm} is deliberately not installed: choosing it fails with an ImportError. */
    MODEL("constant", "linear", "knn", "tree", "forest", "boosting", "extra_trees", "svm", "naive_bayes",
            "lightgbm"),
    /** Missing-value handling; {@code none} crashes most sklearn models when data has NaNs. */
    IMPUTE("median", "zero", "none"),
    /** Categorical columns. */
    ENCODE("onehot", "ordinal", "drop"),
    SCALE("none", "standard"),
    /** Size of the model (trees, depth, regularisation). */
    CAPACITY("low", "mid", "high"),
    /** Blend the model with a linear one. */
    ENSEMBLE("single", "blend_linear"),
    /** Regression target transform. */
    TARGET("raw", "log1p"),
    /** What to do after a failed step: repair the cause, try a fresh recipe, or submit the simplest model. */
    FIX("repair", "resample", "simplest"),
    /** After a scored submission: stop or try another recipe. */
    NEXT("answer", "improve");

    private final List<String> options;

    Head(String... options) {
        this.options = List.of(options);
    }

    public List<String> options() {
        return options;
    }

    /** The lower-case name used in tokens ({@code model=forest}). */
    public String key() {
        return name().toLowerCase();
    }

    public int indexOf(String option) {
        int i = options.indexOf(option);
        if (i < 0) {
            throw new IllegalArgumentException("head " + key() + " has no option '" + option + "'");
        }
        return i;
    }

    /** The heads that make up a full solution recipe, in sampling order. */
    public static List<Head> recipeHeads() {
        return List.of(MODEL, IMPUTE, ENCODE, SCALE, CAPACITY, ENSEMBLE, TARGET);
    }

    /** Offset of this head's logits in the network output. */
    public int offset() {
        int offset = 0;
        for (Head h : values()) {
            if (h == this) {
                return offset;
            }
            offset += h.options.size();
        }
        throw new AssertionError();
    }

    /** Total number of logits over all heads. */
    public static int totalOptions() {
        int n = 0;
        for (Head h : values()) {
            n += h.options.size();
        }
        return n;
    }

    public static Head byKey(String key) {
        return valueOf(key.toUpperCase());
    }
}
