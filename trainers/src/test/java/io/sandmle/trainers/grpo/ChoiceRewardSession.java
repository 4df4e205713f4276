package io.sandmle.trainers.grpo;

import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.Grade;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Medal;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Reward;
import io.sandmle.api.RewardFunction;
import io.sandmle.api.RolloutGroup;
import io.sandmle.api.Sampling;
import io.sandmle.api.Task;
import io.sandmle.api.TrainingSession;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A training session without Python: one ReAct turn per episode, rewarded 1 when the sampled
 * tokens satisfy {@code good} (and graded gold, else invalid). Lets GRPO and SFT be tested for what they learn in milliseconds.
 */
public final class ChoiceRewardSession implements TrainingSession {

    static final String SYSTEM = "Tool formats:\n<tool_call>\npython\n<code>\n# code\n</code>\n</tool_call>";

    private final Predicate<String> good;
    private final Map<String, String> settings;
    private final Path dir;
    private final Path resume;
    final List<Map<String, Double>> logged = new ArrayList<>();
    private LanguageModel policy;

    public ChoiceRewardSession(Predicate<String> good, Map<String, String> settings, Path dir, Path resume) {
        this.good = good;
        this.settings = settings;
        this.dir = dir;
        this.resume = resume;
    }

    public static List<ChatMessage> prompt(String taskId) {
        return List.of(ChatMessage.system(SYSTEM), ChatMessage.user("## Competition ID: " + taskId
                + "\nThis is a binary task scored by ROC AUC. 150 training rows.\n## Dataset Folder:\n/data/x/"));
    }

    @Override
    public List<Task> trainingTasks() {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tasks.add(new Task(1, "t" + i, "t", "roc-auc", false, null, null, "binary", "c", Map.of(), null));
        }
        return tasks;
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public RewardFunction reward() {
        return t -> new Reward(good.test(t.turns().get(0).response().logprobs().toString()) ? 1 : 0, Map.of());
    }

    @Override
    public List<RolloutGroup> rollout(LanguageModel policy, List<Task> tasks, int groupSize, long seed) {
        List<RolloutGroup> groups = new ArrayList<>();
        for (Task task : tasks) {
            List<Trajectory> rollouts = new ArrayList<>();
            List<Reward> rewards = new ArrayList<>();
            for (int g = 0; g < groupSize; g++) {
                List<ChatMessage> prompt = prompt(task.id());
                ChatResponse r = policy.chat(new ChatRequest(prompt, new Sampling(1, 1, 100, seed * 131 + g),
                        List.of(), true, ResponseFormat.REACT));
                boolean success = good.test(r.logprobs().toString());
                Grade grade = success
                        ? new Grade(1, task.id(), true, true, 1.0, null, Medal.GOLD, true, null, null, false)
                        : Grade.invalid(task.id(), true, "wrong recipe", null, false);
                Trajectory t = new Trajectory(1, task.id() + g, task.id(), "fake", policy.id(), g,
                        List.of(new Turn(0, prompt, ResponseFormat.REACT, r, "python", null, null, 0)), grade, "answered", 0);
                rollouts.add(t);
                rewards.add(reward().reward(t));
            }
            groups.add(new RolloutGroup(task.id(), rollouts, rewards));
        }
        return groups;
    }

    /** Offers {@code model} as the experiment's configured policy (for the external trainer). */
    public ChoiceRewardSession withPolicy(LanguageModel model) {
        this.policy = model;
        return this;
    }

    @Override
    public Optional<LanguageModel> policy() {
        return Optional.ofNullable(policy);
    }

    public List<Map<String, Double>> logged() {
        return logged;
    }

    @Override
    public Path checkpointDir() {
        return dir;
    }

    @Override
    public Optional<Path> resumeFrom() {
        return Optional.ofNullable(resume);
    }

    @Override
    public void logMetrics(int step, Map<String, Double> metrics) {
        logged.add(metrics);
    }
}
