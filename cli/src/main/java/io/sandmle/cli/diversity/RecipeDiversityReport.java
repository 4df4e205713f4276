package io.sandmle.cli.diversity;

import io.sandmle.support.Json;
import io.sandmle.trainers.policy.Recipe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code sandmle diversity} prints and writes: the headline numbers against issue 14's target, a per-task
 * table of the held-out tasks, and (in the JSON) every trial.
 */
public record RecipeDiversityReport(RecipeDiversity diversity, RecipeGrid grid, List<TaskTrials> tasks,
                                    Map<String, Object> request, double wallSeconds) {

    public String table() {
        StringBuilder out = new StringBuilder();
        // The recipe goes last: it is the one wide column.
        out.append(String.format(Locale.ROOT, "%-50s %-6s %-6s %-9s %s%n", "held-out task", "fixed", "best", "medalling",
                "per-task best recipe"));
        for (String id : diversity.split().heldOut()) {
            TaskTrials t = task(id);
            int best = t.best();
            out.append(String.format(Locale.ROOT, "%-50s %-6s %-6s %-9s %s%n", id, medal(t.of(diversity.bestFixed())),
                    best < 0 ? "-" : medal(t.of(best)), medalling(t) + "/" + grid.recipes().size(),
                    best < 0 ? "(no valid submission)" : grid.recipes().get(best).describe()));
        }
        out.append(String.format(Locale.ROOT, "%d tasks (%d train, %d held out) x %d recipes in %.0f s%n",
                tasks.size(), diversity.split().train().size(), diversity.split().heldOut().size(), grid.recipes().size(),
                wallSeconds));
        out.append(String.format(Locale.ROOT, "best fixed recipe (chosen on train, %.1f %% there): %s%n",
                100 * diversity.fixedTrainRate(), grid.recipes().get(diversity.bestFixed()).describe()));
        out.append(String.format(Locale.ROOT, "as an eval policy: {name: best-fixed, provider: embedded, settings: %s}%n",
                Json.MAPPER.valueToTree(bestFixedSettings())));
        out.append(String.format(Locale.ROOT, "held out: best fixed medals %.1f %% (target <= %.0f %%), per-task best "
                        + "%.1f %% (target >= %.0f %%), %d distinct per-task best recipes; target %s%n",
                100 * diversity.fixedHeldOutRate(), 100 * RecipeDiversity.TARGET_FIXED_AT_MOST,
                100 * diversity.oracleHeldOutRate(), 100 * RecipeDiversity.TARGET_ORACLE_AT_LEAST,
                diversity.distinctBest(), diversity.meetsTarget() ? "met" : "not met"));
        return out.toString();
    }

    /** The JSON document {@code --out} writes. */
    public Map<String, Object> json() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("request", request);
        doc.put("grid", Map.of("action_space", grid.space().name().toLowerCase(Locale.ROOT), "chosen_as", grid.description(),
                "recipes", grid.recipes().stream().map(Recipe::describe).toList()));
        doc.put("train_tasks", diversity.split().train());
        doc.put("held_out_tasks", diversity.split().heldOut());
        doc.put("best_fixed", Map.of("recipe", grid.recipes().get(diversity.bestFixed()).describe(),
                "policy_settings", bestFixedSettings(), "train_medal_rate", diversity.fixedTrainRate(),
                "held_out_medal_rate", diversity.fixedHeldOutRate()));
        doc.put("oracle_held_out_medal_rate", diversity.oracleHeldOutRate());
        doc.put("distinct_per_task_best", diversity.distinctBest());
        doc.put("target", Map.of("best_fixed_at_most", RecipeDiversity.TARGET_FIXED_AT_MOST,
                "oracle_at_least", RecipeDiversity.TARGET_ORACLE_AT_LEAST, "met", diversity.meetsTarget()));
        doc.put("per_task", perTask());
        doc.put("wall_seconds", wallSeconds);
        return doc;
    }

    /** The embedded policy's settings that play the best fixed recipe (EmbeddedSettings reads them back). */
    private Map<String, String> bestFixedSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("recipe", grid.recipes().get(diversity.bestFixed()).describe());
        if (grid.space().traps()) {
            settings.put("traps", "true");
        }
        return settings;
    }

    private List<Map<String, Object>> perTask() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TaskTrials t : tasks) {
            int best = t.best();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("task", t.taskId());
            row.put("split", diversity.split().train().contains(t.taskId()) ? "train" : "held_out");
            row.put("best_recipe", best < 0 ? null : grid.recipes().get(best).describe());
            row.put("best_medal", best < 0 ? "none" : medal(t.of(best)));
            row.put("best_score", best < 0 ? null : t.of(best).score());
            row.put("fixed_medal", medal(t.of(diversity.bestFixed())));
            row.put("fixed_score", t.of(diversity.bestFixed()).score());
            row.put("recipes_medalling", medalling(t));
            row.put("trials", t.trials().stream().map(RecipeDiversityReport::trial).toList());
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> trial(Trial t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recipe", t.recipe());
        m.put("valid", t.valid());
        m.put("medal", medal(t));
        m.put("score", t.score());
        m.put("seconds", t.seconds());
        return m;
    }

    private TaskTrials task(String id) {
        return tasks.stream().filter(t -> t.taskId().equals(id)).findFirst().orElseThrow();
    }

    private static long medalling(TaskTrials t) {
        return t.trials().stream().filter(x -> x.medal().any()).count();
    }

    private static String medal(Trial t) {
        return t.medal().name().toLowerCase(Locale.ROOT);
    }
}
