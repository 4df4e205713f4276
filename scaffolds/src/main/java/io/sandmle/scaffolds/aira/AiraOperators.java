package io.sandmle.scaffolds.aira;

import io.sandmle.api.ChatMessage;
import io.sandmle.scaffolds.support.Markdown;
import io.sandmle.scaffolds.tree.Node;
import io.sandmle.scaffolds.tree.Operators;
import java.util.List;

/**
 * aira-dojo's AIRA operator set (scaffolds.md §3.4, paraphrased): draft, improve and debug, each one system
 * message whose reply is a heading, a plan, and one fenced python block. The hard-coded compute text of
 * the original is replaced by what the harness actually offers.
 */
final class AiraOperators implements Operators {

    private static final String COMPUTE = "CPU only, a few cores; the preinstalled packages include numpy, pandas, "
            + "scikit-learn, scipy, xgboost and torch.";

    @Override
    public List<ChatMessage> draft(Context c) {
        Markdown md = new Markdown()
                .section(1, "Introduction", "You are a world-class machine learning engineer. Propose exactly one "
                        + "idea for solving the task below and implement it end-to-end.")
                .section(1, "TASK DESCRIPTION", c.brief().asTaskBlock())
                .section(1, "PREVIOUSLY EXPLORED IDEAS", c.memory().isBlank() ? "(No memory available.)" : c.memory())
                .section(1, "DATA OVERVIEW", c.dataPreview())
                .section(1, "CONSTRAINTS", constraints(c))
                .section(1, "COMPUTE", COMPUTE)
                .section(1, "GUIDANCE", "Your idea must be different from the explored ones: consider a different "
                        + "aspect (preprocessing, features, model, optimisation) but keep the evaluation consistent, "
                        + "and explain why it should work. Be specific about preprocessing, features, model and "
                        + "5-fold cross-validation. The first ideas should be simple; later ones may be more complex.")
                .section(1, "RESPONSE FORMAT", format("# Idea to implement"));
        return List.of(ChatMessage.system(md.toString()));
    }

    @Override
    public List<ChatMessage> improve(Context c, Node parent) {
        Markdown md = new Markdown()
                .section(1, "Introduction", "You are a world-class machine learning engineer. Improve the previous "
                        + "solution below with exactly one improvement idea, different from earlier ones.")
                .section(1, "TASK DESCRIPTION", c.brief().asTaskBlock())
                .heading(1, "PREVIOUS SOLUTION")
                .section(2, "Code", "```python\n" + parent.code() + "\n```")
                .section(2, "Terminal Output", "```\n" + parent.output() + "\n```")
                .section(1, "PREVIOUSLY EXPLORED IMPROVEMENT IDEAS",
                        c.memory().isBlank() ? "(No memory available.)" : c.memory())
                .section(1, "DATA OVERVIEW", c.dataPreview())
                .section(1, "CONSTRAINTS", constraints(c))
                .section(1, "COMPUTE", COMPUTE)
                .section(1, "RESPONSE FORMAT", format("# Improvement Idea to implement"));
        return List.of(ChatMessage.system(md.toString()));
    }

    @Override
    public List<ChatMessage> debug(Context c, Node parent) {
        Markdown md = new Markdown()
                .section(1, "Introduction", "You are a world-class machine learning engineer. The implementation "
                        + "below has bugs: fix them, and do not change the core idea.")
                .section(1, "Task Description", c.brief().asTaskBlock())
                .section(1, "Previous debugging attempts", c.memory())
                .section(1, "Buggy Implementation", "```python\n" + parent.code() + "\n```")
                .section(1, "Execution Output (Error)", "```\n" + parent.output() + "\n```")
                .section(1, "Data Overview", c.dataPreview())
                .section(1, "Compute Environment", COMPUTE)
                .section(1, "Instructions", "Write a 3-5 sentence plan for the fix, then one complete ```python "
                        + "block. It must print the validation metric (5-fold if suitable) as a line such as "
                        + "`Validation metric: 0.83` and write ./submission.csv. Fix any later bugs too. It must "
                        + "finish within " + c.execTimeout().toSeconds() + " seconds.")
                .section(1, "RESPONSE FORMAT", format("# Bug Fix Plan"));
        return List.of(ChatMessage.system(md.toString()));
    }

    @Override
    public boolean debugMemory() {
        return true;
    }

    @Override
    public boolean requiresPlan() {
        return false;
    }

    private static String constraints(Context c) {
        return Markdown.bullets(
                "The data is read-only, in the dataset folder named in the task description.",
                "Write ./submission.csv in the current directory; print the 5-fold CV score as "
                        + "`Validation metric: <value>`.",
                "The code must finish within " + c.execTimeout().toSeconds() + " seconds; vectorise.",
                "Use torch.optim.AdamW for neural networks and the early_stopping callback for LightGBM.",
                "Keep stdout clean: no progress bars.");
    }

    private static String format(String heading) {
        return "Start with the heading `" + heading + "`, then the plan, then one fenced ```python block that "
                + "implements it end-to-end, prints the validation score and saves submission.csv in the current "
                + "directory.";
    }
}
