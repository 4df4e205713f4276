package io.sandmle.scaffolds.tree;

import java.util.List;
import java.util.Random;

/**
 * AIDE's search policy (scaffolds.md §2.4), also aira-dojo's greedy solver: draft until
 * {@code numDrafts} drafts exist; then with probability {@code debugProb} debug a random buggy leaf whose
 * debug chain is at most {@code maxDebugDepth}; else improve the best good node (draft when none is good).
 *
 * @param numDrafts     drafts made before any debug or improve
 * @param debugProb     chance of trying a debug step
 * @param maxDebugDepth longest debug chain still worth extending
 */
public record GreedyPolicy(int numDrafts, double debugProb, int maxDebugDepth) {

    /** The node to expand, or {@code null} to draft a new solution. */
    Node select(Journal journal, Random random) {
        if (journal.drafts().size() < numDrafts) {
            return null;
        }
        if (random.nextDouble() < debugProb) {
            List<Node> candidates = journal.buggy().stream()
                    .filter(n -> n.isLeaf() && n.debugDepth() <= maxDebugDepth).toList();
            if (!candidates.isEmpty()) {
                return candidates.get(random.nextInt(candidates.size()));
            }
        }
        return journal.good().isEmpty() ? null : journal.best();
    }
}
