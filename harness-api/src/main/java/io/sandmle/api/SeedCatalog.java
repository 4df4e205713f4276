package io.sandmle.api;

import java.util.List;
import java.util.Optional;

/**
 * The seed tasks a generator derives synthetic tasks from (SEED_CATALOG extensions), so that the runner
 * can resolve {@code --seeds lite|all|<ids>} without importing the module that ships the catalog.
 */
public interface SeedCatalog {

    /** Every seed's DNA, sorted by seed id. */
    List<TaskDna> seeds();

    /** The ids of the MLE-bench-lite competitions (held out as evaluation in SandMLE). */
    List<String> liteIds();

    /** The seed with this id, if the catalog has it. */
    default Optional<TaskDna> find(String seedId) {
        return seeds().stream().filter(s -> s.seedId().equals(seedId)).findFirst();
    }

    /**
     * Resolves a selection: {@code all}, {@code lite}, or comma-separated seed ids.
     *
     * @throws IllegalArgumentException naming the unknown ids
     */
    default List<TaskDna> select(String selection) {
        if (selection.equals("all")) {
            return seeds();
        }
        if (selection.equals("lite")) {
            return seeds().stream().filter(s -> liteIds().contains(s.seedId())).toList();
        }
        List<String> ids = List.of(selection.split(","));
        List<String> unknown = ids.stream().map(String::trim).filter(id -> find(id).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown seed id(s) " + unknown
                    + "; use 'lite', 'all' or ids from the seed catalog (docs/GENERATOR.md lists them).");
        }
        return ids.stream().map(String::trim).map(id -> find(id).orElseThrow()).toList();
    }
}
