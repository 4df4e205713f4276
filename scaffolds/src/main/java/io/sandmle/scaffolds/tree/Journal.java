package io.sandmle.scaffolds.tree;

import java.util.ArrayList;
import java.util.List;

/** Every node of one search, in creation order, with AIDE's views over them (scaffolds.md §2.2). */
final class Journal {

    private final List<Node> nodes = new ArrayList<>();
    private final Node root;
    private final boolean lowerIsBetter;

    /** @param root aira-dojo's empty root, or {@code null} for AIDE's parentless drafts */
    Journal(Node root, boolean lowerIsBetter) {
        this.root = root;
        this.lowerIsBetter = lowerIsBetter;
    }

    void add(Node n) {
        nodes.add(n);
    }

    int size() {
        return nodes.size();
    }

    Node root() {
        return root;
    }

    boolean isRoot(Node n) {
        return n != null && n == root;
    }

    List<Node> drafts() {
        return nodes.stream().filter(n -> n.parent == null || n.parent == root).toList();
    }

    List<Node> buggy() {
        return nodes.stream().filter(n -> n.buggy).toList();
    }

    List<Node> good() {
        return nodes.stream().filter(n -> !n.buggy).toList();
    }

    /** The best good node by validation metric in the task's direction; ties keep the earliest. */
    Node best() {
        Node best = null;
        for (Node n : good()) {
            if (best == null || better(n.metric, best.metric)) {
                best = n;
            }
        }
        return best;
    }

    private boolean better(Double a, Double b) {
        if (a == null) {
            return false;
        }
        if (b == null) {
            return true;
        }
        return lowerIsBetter ? a < b : a > b;
    }

    /** AIDE's {@code generate_summary} / aira-dojo's simple memory: one block per good node. */
    String goodNodeSummary() {
        List<String> blocks = new ArrayList<>();
        for (Node n : good()) {
            blocks.add("Design: " + n.plan + "\nResults: " + n.analysis + "\nValidation Metric: " + n.metric);
        }
        return String.join("\n-------------------------------\n", blocks);
    }

    /** aira-dojo's ancestral memory: the debug chain above {@code node}, oldest first, up to the first good one. */
    static String debugChainSummary(Node node) {
        List<String> blocks = new ArrayList<>();
        for (Node n = node; n != null && n.buggy && !n.code.isEmpty(); n = n.parent) {
            blocks.add(0, (n.parent != null && n.parent.buggy ? "Debug plan: " : "Design: ") + n.plan
                    + "\nAnalysis: " + n.analysis);
        }
        return String.join("\n-------------------------------\n", blocks);
    }
}
