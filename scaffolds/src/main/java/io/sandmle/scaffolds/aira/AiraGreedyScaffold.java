package io.sandmle.scaffolds.aira;

import io.sandmle.api.Episode;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Scaffold;
import io.sandmle.api.Trajectory;
import io.sandmle.scaffolds.tree.GreedyPolicy;
import io.sandmle.scaffolds.tree.TreeSearch;

/**
 * aira-dojo's greedy solver with the AIRA operators (scaffolds.md §3.2): an empty root whose children are the
 * drafts, ancestral memory for debug, and the MLE-bench greedy settings used by SandMLE: 5 drafts, debug
 * probability 1.0, debug depth 20.
 */
public final class AiraGreedyScaffold implements Scaffold {

    static final GreedyPolicy SEARCH = new GreedyPolicy(5, 1.0, 20);

    @Override
    public ResponseFormat responseFormat() {
        return TreeSearch.RESPONSE_FORMAT;
    }

    @Override
    public Trajectory run(Episode episode) {
        return new TreeSearch("aira-greedy", new AiraOperators(), SEARCH, true).run(episode);
    }
}
