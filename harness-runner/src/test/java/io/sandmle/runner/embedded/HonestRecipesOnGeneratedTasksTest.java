package io.sandmle.runner.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.Grade;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.StepRecord;
import io.sandmle.api.Task;
import io.sandmle.executors.local.LocalExecutor;
import io.sandmle.runner.env.SandboxedEnvironment;
import io.sandmle.trainers.policy.ActionSpace;
import io.sandmle.trainers.policy.CodeRenderer;
import io.sandmle.trainers.policy.Head;
import io.sandmle.trainers.policy.PromptReader;
import io.sandmle.trainers.policy.PromptView;
import io.sandmle.trainers.policy.Recipe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every option of the honest (default) action space makes a gradable submission on a generated task of every
 * modality: recipes that together use each option of each head run in the real sandbox, on the ReAct prompt the
 * policy would read, and the environment's Score grades each one valid.
 */
class HonestRecipesOnGeneratedTasksTest {

    @Test
    void everyHonestOptionGradesValidOnEveryModality(@TempDir Path dir) throws Exception {
        List<Recipe> recipes = recipesCoveringEveryOption(ActionSpace.HONEST);
        List<String> invalid = new ArrayList<>();
        try (LocalExecutor sandbox = new LocalExecutor()) {
            for (Map.Entry<String, Task> e : GeneratedTasks.all().entrySet()) {
                try (SandboxedEnvironment env = GeneratedTasks.environment(e.getValue(), sandbox, dir.resolve(e.getKey()))) {
                    PromptView view = new PromptReader().read(GeneratedTasks.reactPrompt(env),
                            ResponseFormat.REACT);
                    for (Recipe recipe : recipes) {
                        env.reset(); // so Score grades this recipe's submission, never the last one's
                        StepRecord run = env.python(new CodeRenderer().render(recipe, view, false));
                        Grade grade = env.score().grade();
                        if (grade == null || !grade.valid()) {
                            invalid.add(e.getKey() + " [" + recipe.describe() + "]: " + run.observation());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), invalid);
    }

    /**
     * The i-th recipe takes option i (wrapping) of every head, so max-options recipes use every option of the
     * space at least once.
     */
    private static List<Recipe> recipesCoveringEveryOption(ActionSpace space) {
        int count = Head.recipeHeads().stream().mapToInt(h -> space.options(h).size()).max().orElseThrow();
        List<Recipe> recipes = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < count; i++) {
            Map<Head, String> choices = new EnumMap<>(Head.class);
            for (Head h : Head.recipeHeads()) {
                List<String> options = space.options(h);
                choices.put(h, options.get(i % options.size()));
                used.add(h.key() + "=" + options.get(i % options.size()));
            }
            recipes.add(new Recipe(choices));
        }
        int all = Head.recipeHeads().stream().mapToInt(h -> space.options(h).size()).sum();
        assertTrue(used.size() == all, "the recipes cover every option: " + used);
        return recipes;
    }
}
