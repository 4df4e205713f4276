package io.sandmle.scaffolds.tree;

import io.sandmle.api.Grade;
import java.util.ArrayList;
import java.util.List;

/**
 * One solution in the search tree (AIDE's journal node): a plan, its code, what running it printed, the
 * validation metric read from that output, and whether it counts as buggy.
 */
public final class Node {

    final int step;
    final Node parent;
    final List<Node> children = new ArrayList<>();
    final String plan;
    final String code;
    String output = "";
    Double metric;
    boolean buggy = true;
    String analysis = "";
    Grade grade;

    Node(int step, Node parent, String plan, String code) {
        this.step = step;
        this.parent = parent;
        this.plan = plan;
        this.code = code;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    /** An empty, buggy root as aira-dojo creates at step 0 (its children are the drafts). */
    static Node root() {
        return new Node(0, null, "", "");
    }

    /** The length of the chain of consecutive debug steps ending here (0 unless this node is a debug). */
    int debugDepth() {
        return parent != null && parent.buggy && !parent.isRoot() ? parent.debugDepth() + 1 : 0;
    }

    /** aira-dojo's empty root is the only node at step 0. */
    boolean isRoot() {
        return step == 0;
    }

    boolean isLeaf() {
        return children.isEmpty();
    }

    public String plan() {
        return plan;
    }

    public String code() {
        return code;
    }

    /** What running the code printed (trimmed), plus the grader's feedback on an unusable submission. */
    public String output() {
        return output;
    }

    public Grade grade() {
        return grade;
    }

    public Double metric() {
        return metric;
    }

    public boolean buggy() {
        return buggy;
    }
}
