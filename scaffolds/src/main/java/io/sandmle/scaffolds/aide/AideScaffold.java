package io.sandmle.scaffolds.aide;

import io.sandmle.api.Episode;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Scaffold;
import io.sandmle.api.Trajectory;
import io.sandmle.scaffolds.tree.GreedyPolicy;
import io.sandmle.scaffolds.tree.TreeSearch;

/**
 * AIDE: draft / debug / improve tree search with greedy selection and AIDE's prompts. Search settings are
 * those of SandMLE's AIDE runs (MLE-Dojo port, scaffolds.md §2.13): 3 drafts, debug probability 0.5,
 * debug depth 3. One node per model call; the episode's turn budget bounds the tree.
 */
public final class AideScaffold implements Scaffold {

    static final GreedyPolicy SEARCH = new GreedyPolicy(3, 0.5, 3);

    @Override
    public ResponseFormat responseFormat() {
        return TreeSearch.RESPONSE_FORMAT;
    }

    @Override
    public Trajectory run(Episode episode) {
        return new TreeSearch("aide", new AideOperators(episode.seed()), SEARCH, false).run(episode);
    }
}
