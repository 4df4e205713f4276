package io.sandmle.trainers.policy;

import java.util.List;
import java.util.Set;

/**
 * One categorical decision of the embedded policy over the recipe library. A head lists every option the
 * {@link CodeRenderer} can render, in network order, and marks the deliberate traps among them; which options
 * the policy may actually choose is its {@link ActionSpace}. A sampled value is reported to GRPO as the token
 * {@code head=value}.
 */
public enum Head {
    /**
     * Model family. Traps: {@code constant} predicts the training prior whatever the inputs, and {@code lightgbm}
     * is deliberately not installed, so it fails with an ImportError.
     */
    MODEL(List.of("constant", "linear", "knn", "tree", "forest", "boosting", "extra_trees", "svm", "naive_bayes",
            "lightgbm"), Set.of("constant", "lightgbm")),
    /** Missing-value handling. Trap: {@code none} leaves NaNs in, which most sklearn models refuse. */
    IMPUTE(List.of("median", "zero", "none"), Set.of("none")),
    /** Categorical columns. */
    ENCODE(List.of("onehot", "ordinal", "drop"), Set.of()),
    SCALE(List.of("none", "standard"), Set.of()),
    /** Size of the model (trees, depth, regularisation). */
    CAPACITY(List.of("low", "mid", "high"), Set.of()),
    /** Blend the model with a linear one. */
    ENSEMBLE(List.of("single", "blend_linear"), Set.of()),
    /** Regression target transform. */
    TARGET(List.of("raw", "log1p"), Set.of()),
    /** What to do after a failed step: repair the cause, try a fresh recipe, or submit the simplest model. */
    FIX(List.of("repair", "resample", "simplest"), Set.of()),
    /** After a scored submission: stop or try another recipe. */
    NEXT(List.of("answer", "improve"), Set.of());

    private final List<String> library;
    private final Set<String> traps;

    Head(List<String> library, Set<String> traps) {
        this.library = library;
        this.traps = traps;
    }

    /** Every option the recipe library renders, traps included, in network order. */
    public List<String> library() {
        return library;
    }

    /** Whether {@code option} is a deliberate trap, offered only when the policy's {@code traps} setting is on. */
    public boolean isTrap(String option) {
        return traps.contains(option);
    }

    /** The option a recipe takes when this head was not chosen: the first that is not a trap. */
    public String defaultOption() {
        return library.stream().filter(o -> !isTrap(o)).findFirst().orElseThrow();
    }

    /** The lower-case name used in tokens ({@code model=forest}). */
    public String key() {
        return name().toLowerCase();
    }

    /** The heads that make up a full solution recipe, in sampling order. */
    public static List<Head> recipeHeads() {
        return List.of(MODEL, IMPUTE, ENCODE, SCALE, CAPACITY, ENSEMBLE, TARGET);
    }

    public static Head byKey(String key) {
        return valueOf(key.toUpperCase());
    }
}
