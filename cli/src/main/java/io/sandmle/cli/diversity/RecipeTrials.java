package io.sandmle.cli.diversity;

import io.sandmle.api.Executor;
import io.sandmle.api.Limits;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.SandboxException;
import io.sandmle.api.SandboxSpec;
import io.sandmle.api.StepRecord;
import io.sandmle.runner.env.SandboxedEnvironment;
import io.sandmle.runner.env.TaskFolder;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.rollout.FirstPrompt;
import io.sandmle.trainers.policy.CodeRenderer;
import io.sandmle.trainers.policy.PromptReader;
import io.sandmle.trainers.policy.PromptView;
import io.sandmle.trainers.policy.Recipe;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every recipe on every task in the sandbox and grades each submission with the task's grader. Tasks run
 * {@code parallel} at once; a task's recipes run one after another in one environment, so they share its warm
 * worker (pandas and scikit-learn are imported once per task, not once per recipe).
 */
public final class RecipeTrials {

    private final Extensions extensions;
    private final Executor executor;
    private final Limits limits;
    private final int parallel;
    private final Path workDir;

    /**
     * @param workDir where each task's episode folder (work folder, step logs, graded submissions) is written
     */
    public RecipeTrials(Extensions extensions, Executor executor, Limits limits, int parallel, Path workDir) {
        this.extensions = extensions;
        this.executor = executor;
        this.limits = limits;
        this.parallel = parallel;
        this.workDir = workDir;
    }

    /** One {@link TaskTrials} per task folder, in the order given. */
    public List<TaskTrials> run(List<TaskFolder> tasks, List<Recipe> recipes, PrintStream progress)
            throws InterruptedException, SandboxException {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<TaskTrials>> futures = new ArrayList<>();
            for (TaskFolder task : tasks) {
                futures.add(pool.submit(() -> {
                    TaskTrials result = runTask(task, recipes);
                    progress.printf(Locale.ROOT, "diversity: %d/%d tasks (%s)%n", done.incrementAndGet(), tasks.size(),
                            task.task().id());
                    return result;
                }));
            }
            List<TaskTrials> results = new ArrayList<>();
            for (Future<TaskTrials> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SandboxException s) {
                throw s;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private TaskTrials runTask(TaskFolder folder, List<Recipe> recipes) throws SandboxException {
        try (SandboxedEnvironment env = SandboxedEnvironment.open(folder.task(), folder.grader(), executor,
                workDir.resolve(folder.task().id()), limits, SandboxSpec.DEFAULT_PYTHON, false)) {
            PromptView view = new PromptReader().read(FirstPrompt.of(extensions, "react", env), ResponseFormat.REACT);
            CodeRenderer renderer = new CodeRenderer();
            boolean targetMatters = CodeRenderer.transformsTarget(view);
            List<Trial> trials = new ArrayList<>();
            for (int i = 0; i < recipes.size(); i++) {
                int twin = targetMatters ? -1 : recipes.indexOf(RecipeGrid.rawTwin(recipes.get(i)));
                if (twin >= 0 && twin < i) {
                    trials.add(trials.get(twin).as(i));
                    continue;
                }
                env.reset(); // a failed recipe must not be graded on the previous recipe's files
                StepRecord step = env.executeCode(renderer.render(recipes.get(i), view, false));
                trials.add(Trial.of(i, step.grade(), step.exec() == null ? 0 : step.exec().wallMillis() / 1000.0));
            }
            return new TaskTrials(folder.task().id(), folder.task().lowerIsBetter(), trials);
        }
    }
}
