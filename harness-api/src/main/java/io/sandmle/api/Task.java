package io.sandmle.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.util.Map;

/**
 * One MLE task as the harness sees it, whatever its source (MLE-bench, MLE-Dojo or a generated
 * synthetic task). Persisted as {@code task.json} beside {@code prepared/}.
 *
 * @param schemaVersion   format version of task.json
 * @param id              unique id within its suite (e.g. {@code spaceship-titanic})
 * @param title           one-line human title
 * @param metric          the metric's registry name (e.g. {@code roc-auc})
 * @param lowerIsBetter   direction of the metric
 * @param thresholds      medal and median cut-offs; {@code null} when the task has none
 * @param modality        the input data's modality
 * @param taskType        e.g. {@code binary}, {@code multiclass}, {@code regression}
 * @param category        a grouping used by reports (MLE-Dojo category, seed family …)
 * @param attributes      free-form provenance (DNA, generator version, content hash …)
 * @param root            the folder holding {@code task.json} and {@code prepared/}; not persisted
 */
public record Task(
        int schemaVersion,
        String id,
        String title,
        String metric,
        boolean lowerIsBetter,
        Thresholds thresholds,
        Modality modality,
        String taskType,
        String category,
        Map<String, String> attributes,
        @JsonIgnore Path root) {

    public static final int SCHEMA_VERSION = 1;

    public Task {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /**
     * Attribute naming the public folder relative to {@link #root} when it is not
     * {@code prepared/public} (MLE-Dojo's layout uses {@code data/public}).
     */
    public static final String PUBLIC_SUBDIR = "layout.public";

    /**
     * Attribute giving the task's own wall time per episode as ISO-8601 ({@code PT24H}), set by a suite whose
     * benchmark has one (MLE-bench); the config's suite {@code time-limit} and {@code time-limits} win over it.
     */
    public static final String TIME_LIMIT = "time-limit";

    /** Attribute naming the private folder relative to {@link #root}; default {@code prepared/private}. */
    public static final String PRIVATE_SUBDIR = "layout.private";

    /** The files an agent may read: description, training data, sample submission. */
    @JsonIgnore
    public Path publicDir() {
        return root.resolve(attributes.getOrDefault(PUBLIC_SUBDIR, "prepared/public"));
    }

    /** The hidden answers; never visible to agent code. */
    @JsonIgnore
    public Path privateDir() {
        return root.resolve(attributes.getOrDefault(PRIVATE_SUBDIR, "prepared/private"));
    }

    /** A copy of this task rooted at another folder (used when reading task.json from disk). */
    public Task withRoot(Path newRoot) {
        return new Task(schemaVersion, id, title, metric, lowerIsBetter, thresholds, modality, taskType,
                category, attributes, newRoot);
    }
}
