package io.sandmle.scaffolds.aide;

import io.sandmle.api.ChatMessage;
import io.sandmle.scaffolds.support.Markdown;
import io.sandmle.scaffolds.tree.Node;
import io.sandmle.scaffolds.tree.Operators;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * AIDE's operator prompts (scaffolds.md §2.5, paraphrased), sent as one system message. Paths follow the
 * harness: data where the environment says, {@code submission.csv} in the current directory.
 */
final class AideOperators implements Operators {

    private static final String INTRO = "You are a Kaggle grandmaster attending a competition. ";
    private static final List<String> PACKAGES = List.of("numpy", "pandas", "scikit-learn", "statsmodels",
            "xgboost", "lightGBM", "torch", "torchvision", "torch-geometric", "bayesian-optimization", "timm");

    private final Random shuffle;

    AideOperators(long seed) {
        this.shuffle = new Random(seed);
    }

    @Override
    public List<ChatMessage> draft(Context c) {
        Markdown md = opening(c, "In order to win this competition, you need to come up with an excellent and "
                + "creative plan for a solution and then implement this solution in Python.")
                .section(2, "Solution sketch guideline", Markdown.bullets(
                        "This first solution design should be relatively simple, without ensembling or "
                                + "hyper-parameter optimization.",
                        "Take the Memory section into consideration when proposing the design; don't propose the "
                                + "same modelling solution but keep the evaluation the same.",
                        "The solution sketch should be 3-5 sentences.",
                        "Propose an evaluation metric that is reasonable for this task.",
                        "Don't suggest to do EDA.",
                        "The data is already prepared and available at the dataset folder above; no unzipping."))
                .section(2, "Implementation guideline", implementation(c))
                .section(2, "Installed Packages", packages())
                .section(1, "Data Overview", c.dataPreview());
        return List.of(ChatMessage.system(md.toString()));
    }

    @Override
    public List<ChatMessage> improve(Context c, Node parent) {
        Markdown md = opening(c, "You are provided with a previously developed solution below and should improve "
                + "it in order to further increase the (test time) performance. For this you should first outline a "
                + "brief plan in natural language for how the solution can be improved and then implement this "
                + "improvement in Python based on the provided previous solution.")
                .section(2, "Solution improvement sketch guideline", Markdown.bullets(
                        "The solution sketch should be a brief natural language description of how the previous "
                                + "solution can be improved.",
                        "Propose a single, atomic, actionable improvement so its effect can be measured.",
                        "Take the Memory section into consideration when proposing the improvement.",
                        "The solution sketch should be 3-5 sentences.",
                        "Don't suggest to do EDA."))
                .section(2, "Implementation guideline", implementation(c))
                .heading(1, "Previous solution")
                .section(2, "Code", fence(parent.code()));
        return List.of(ChatMessage.system(md.toString()));
    }

    @Override
    public List<ChatMessage> debug(Context c, Node parent) {
        Markdown md = new Markdown()
                .section(1, "Introduction", INTRO + "Your previous solution had a bug and/or did not produce a "
                        + "submission.csv, so based on the information below, you should revise it in order to fix "
                        + "this. Your response should be an implementation outline in natural language, followed by "
                        + "a single markdown code block which implements the bugfix/solution.")
                .section(1, "Task description", c.brief().asTaskBlock())
                .section(1, "Previous (buggy) implementation", fence(parent.code()))
                .section(1, "Execution output", fence(parent.output()))
                .heading(1, "Instructions")
                .section(2, "Response format", RESPONSE_FORMAT)
                .section(2, "Bugfix improvement sketch guideline", Markdown.bullets(
                        "You should write a brief natural language description (3-5 sentences) of how the issue in "
                                + "the previous implementation can be fixed.",
                        "Don't suggest to do EDA."))
                .section(2, "Implementation guideline", implementation(c))
                .section(1, "Data Overview", c.dataPreview());
        return List.of(ChatMessage.system(md.toString()));
    }

    @Override
    public boolean debugMemory() {
        return false;
    }

    @Override
    public boolean requiresPlan() {
        return true;
    }

    /** Introduction, task, memory and the response format: how draft and improve prompts begin. */
    private static Markdown opening(Context c, String goal) {
        return new Markdown()
                .section(1, "Introduction", INTRO + goal)
                .section(1, "Task description", c.brief().asTaskBlock())
                .section(1, "Memory", c.memory())
                .heading(1, "Instructions")
                .section(2, "Response format", RESPONSE_FORMAT);
    }

    static final String RESPONSE_FORMAT = "Your response should be a brief outline/sketch of your proposed solution "
            + "in natural language (3-5 sentences), followed by a single markdown code block (wrapped in ```python) "
            + "which implements this solution and prints out the evaluation metric. There should be no additional "
            + "headings or text in your response. Just natural language text followed by a newline and then the "
            + "markdown code block.";

    private static String implementation(Context c) {
        return Markdown.bullets(
                "<TOTAL_TIME_REMAINING: " + c.timeLeft().toSeconds() + " seconds>",
                "<TOTAL_STEPS_REMAINING: " + c.stepsLeft() + ">",
                "The code should **implement the proposed solution** and **print the value of the evaluation "
                        + "metric computed on a hold-out validation set** (a line such as `Validation metric: 0.83`).",
                "The code should be a single-file python program that is self-contained and can be executed as-is.",
                "No parts of the code should be skipped; don't terminate before finishing the script.",
                "Your response should only contain a single code block.",
                "Be aware of the running time of the code, it should complete within "
                        + c.execTimeout().toSeconds() + " seconds.",
                "All the provided input data is in the dataset folder named in the task description.",
                "**If there is test data provided for this task, please save the test predictions in a "
                        + "`submission.csv` file in the current directory as described in the task description.** "
                        + "This is extremely important since this file is used for grading/evaluation. DO NOT FORGET "
                        + "THE submission.csv file!",
                "You can also use the current directory to store any temporary files that your code needs.");
    }

    private String packages() {
        List<String> shuffled = new ArrayList<>(PACKAGES);
        Collections.shuffle(shuffled, shuffle);
        return "Your solution can use any relevant machine learning packages such as: "
                + String.join(", ", shuffled) + ". Feel free to use any other packages too (all packages are "
                + "already installed!). For neural networks we suggest using PyTorch rather than TensorFlow.";
    }

    static String fence(String body) {
        return "```\n" + body + "\n```";
    }
}
