package io.sandmle.trainers.policy;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options the embedded policy can choose, and so the layout of its network's output: one logit per option,
 * head after head. {@link #HONEST}, the default, leaves out the recipe library's deliberate traps (a model that is
 * not installed, a dummy model, no imputation); {@link #WITH_TRAPS} keeps them, for a robustness experiment that
 * asks whether training learns to avoid them ({@code traps: true}).
 */
public enum ActionSpace {
    HONEST(false),
    WITH_TRAPS(true);

    private final Map<Head, List<String>> options = new EnumMap<>(Head.class);
    private final Map<Head, Integer> offsets = new EnumMap<>(Head.class);
    private final int size;

    ActionSpace(boolean traps) {
        int offset = 0;
        for (Head h : Head.values()) {
            List<String> kept = h.library().stream().filter(o -> traps || !h.isTrap(o)).toList();
            options.put(h, kept);
            offsets.put(h, offset);
            offset += kept.size();
        }
        size = offset;
    }

    public static ActionSpace of(boolean traps) {
        return traps ? WITH_TRAPS : HONEST;
    }

    public boolean traps() {
        return this == WITH_TRAPS;
    }

    public List<String> options(Head head) {
        return options.get(head);
    }

    /** Where the head's logits start in the network output. */
    public int offset(Head head) {
        return offsets.get(head);
    }

    /** Number of logits over all heads. */
    public int size() {
        return size;
    }

    /** @throws IllegalArgumentException when the option is not in this space (a trap token outside {@code traps: true}) */
    public int indexOf(Head head, String option) {
        int i = options(head).indexOf(option);
        if (i < 0) {
            throw new IllegalArgumentException("head " + head.key() + " has no option '" + option + "' in the "
                    + (traps() ? "action space with traps" : "honest action space (the traps setting is off)"));
        }
        return i;
    }

    /** Head key to options, as a checkpoint records them. */
    public Map<String, List<String>> heads() {
        Map<String, List<String>> heads = new LinkedHashMap<>();
        for (Head h : Head.values()) {
            heads.put(h.key(), options(h));
        }
        return heads;
    }
}
