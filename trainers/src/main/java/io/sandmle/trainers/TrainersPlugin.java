package io.sandmle.trainers;

import io.sandmle.trainers.reward.HumanRankReward;
import io.sandmle.trainers.reward.ScoreReward;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ExtensionRegistry;
import io.sandmle.api.HarnessPlugin;
import io.sandmle.trainers.export.ExternalTrainer;
import io.sandmle.trainers.grpo.GrpoTrainer;
import io.sandmle.trainers.policy.EmbeddedPolicyProvider;
import io.sandmle.trainers.reward.DenseReward;
import io.sandmle.trainers.reward.PaperDenseReward;
import io.sandmle.trainers.reward.SparseReward;
import io.sandmle.trainers.sft.SftTrainer;

/** The trainers module's extensions: the embedded policy, the milestone rewards, GRPO, SFT and the external trainer. */
public final class TrainersPlugin implements HarnessPlugin {

    @Override
    public void register(ExtensionRegistry registry) {
        registry.add(ExtensionKind.POLICY, "embedded", EmbeddedPolicyProvider.class);
        registry.add(ExtensionKind.REWARD, "dense", DenseReward.class);
        // The runner's config calls the default reward "milestone": the same released-code weights.
        registry.add(ExtensionKind.REWARD, "milestone", DenseReward.class);
        registry.add(ExtensionKind.REWARD, "dense-paper", PaperDenseReward.class);
        registry.add(ExtensionKind.REWARD, "sparse", SparseReward.class);
        registry.add(ExtensionKind.REWARD, "human-rank", HumanRankReward.class);
        registry.add(ExtensionKind.REWARD, "score", ScoreReward.class);
        registry.add(ExtensionKind.TRAINER, "grpo", GrpoTrainer.class);
        registry.add(ExtensionKind.TRAINER, "sft", SftTrainer.class);
        registry.add(ExtensionKind.TRAINER, "external", ExternalTrainer.class);
    }
}
