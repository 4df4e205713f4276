package io.sandmle.cli.diversity;

import io.sandmle.trainers.policy.ActionSpace;
import io.sandmle.trainers.policy.Head;
import io.sandmle.trainers.policy.Recipe;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recipes a diversity measurement tries, all within one action space, in a fixed order.
 *
 * <p>The full product of the honest space is 576 recipes, about an hour of sandbox steps per 30 tasks on 2 cores,
 * so the default grid varies only the heads that change the fitted function (model x capacity x ensemble x target
 * transform) over one base: median imputation, one-hot encoding, standard scaling. That is 88 recipes: naive Bayes
 * has one capacity, so its capacity variants render the same model and are kept once. The target transform only
 * touches regression targets, so on other tasks half of them behave as their raw-target twin
 * ({@link #rawTwin}, {@link io.sandmle.trainers.policy.CodeRenderer#transformsTarget}).
 *
 * @param space       the action space every recipe is in
 * @param recipes     the recipes, in the order ties are broken in
 * @param description how the recipes were chosen, for the report
 */
public record RecipeGrid(ActionSpace space, List<Recipe> recipes, String description) {

    /** The heads the representative grid varies: what is fitted, not how the columns are prepared. */
    public static final List<Head> MODEL_HEADS = List.of(Head.MODEL, Head.CAPACITY, Head.ENSEMBLE, Head.TARGET);

    public RecipeGrid {
        recipes = List.copyOf(recipes);
    }

    public static RecipeGrid representative(ActionSpace space) {
        Recipe base = new Recipe(Map.of(Head.SCALE, "standard")).within(space);
        return new RecipeGrid(space, product(space, MODEL_HEADS, base),
                "model x capacity x ensemble over " + base.describe());
    }

    public static RecipeGrid full(ActionSpace space) {
        return new RecipeGrid(space, product(space, Head.recipeHeads(), new Recipe(Map.of())),
                "every combination of every recipe head");
    }

    /**
     * Recipes written as the policy's recipe comment ({@code model=forest capacity=high}); heads left out take their
     * default.
     *
     * @throws IllegalArgumentException naming the first part that is not head=option of the space, and the nearest
     */
    public static RecipeGrid listed(ActionSpace space, List<String> texts) {
        List<Recipe> recipes = texts.stream().map(text -> Recipe.parse(text, space, "--recipe")).toList();
        return new RecipeGrid(space, List.copyOf(new LinkedHashSet<>(recipes)), "listed with --recipe");
    }

    /**
     * The recipe that behaves as {@code recipe} on a task whose target is not a number: the same with the raw
     * target, whose trial can stand for it there instead of running the same model twice.
     */
    public static Recipe rawTwin(Recipe recipe) {
        return recipe.with(Head.TARGET, Head.TARGET.defaultOption());
    }

    /** Every combination of the varied heads' options, other heads at the base's option; duplicates kept once. */
    private static List<Recipe> product(ActionSpace space, List<Head> varied, Recipe base) {
        List<Recipe> recipes = new ArrayList<>(List.of(base));
        for (Head head : varied) {
            List<Recipe> next = new ArrayList<>();
            for (Recipe r : recipes) {
                for (String option : space.options(head)) {
                    next.add(r.with(head, option));
                }
            }
            recipes = next;
        }
        Set<Recipe> distinct = new LinkedHashSet<>();
        for (Recipe r : recipes) {
            // Naive Bayes renders the same model at every capacity.
            distinct.add(r.get(Head.MODEL).equals("naive_bayes") ? r.with(Head.CAPACITY, base.get(Head.CAPACITY)) : r);
        }
        return List.copyOf(distinct);
    }
}
