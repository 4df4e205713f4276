package io.sandmle.trainers.sft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ResponseFormat;
import io.sandmle.api.RolloutGroup;
import io.sandmle.api.TokenLogprob;
import io.sandmle.api.TrainingResult;
import io.sandmle.api.Trajectory;
import io.sandmle.trainers.grpo.ChoiceRewardSession;
import io.sandmle.trainers.grpo.GrpoSettings;
import io.sandmle.trainers.grpo.GrpoTrainer;
import io.sandmle.trainers.policy.ActionSpace;
import io.sandmle.trainers.policy.ChoiceBatch;
import io.sandmle.trainers.policy.EmbeddedPolicy;
import io.sandmle.trainers.policy.Head;
import io.sandmle.trainers.policy.PolicyCheckpoint;
import io.sandmle.trainers.policy.Recipe;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expert's search and SFT on it, in a session without Python (one turn per episode, gold exactly when the
 * recipe's model is boosting): what it keeps, what it spends, and that cloning moves the policy to the expert.
 */
class ExpertSearchTest {

    private static Map<String, String> settings() {
        Map<String, String> s = new HashMap<>();
        s.put("source", "expert");
        s.put("steps", "3");
        s.put("tasks-per-step", "4");
        s.put("group-size", "6");
        s.put("sft-learning-rate", "0.05");
        return s;
    }

    @Test
    void eachVisitPlaysGroupSizeDistinctRecipesAndOffersOnlyItsBestGradedTrajectory(@TempDir Path dir) {
        ChoiceRewardSession session = new ChoiceRewardSession(t -> t.contains("model=boosting"), settings(), dir, null);
        GrpoSettings s = SftSettings.from(settings()).rollouts();
        ExpertSearch search = new ExpertSearch(session, EmbeddedPolicy.untrained(0), s);
        List<Recipe> candidates = search.candidates(ActionSpace.HONEST, 2);
        assertEquals(6, candidates.size());
        assertEquals(6, Set.copyOf(candidates).size(), "distinct candidates");
        assertEquals(candidates, search.candidates(ActionSpace.HONEST, 2), "a seeded draw");

        ExpertSearch.Visits visits = search.search(GrpoTrainer.batchFor(session.trainingTasks(), s, 2), 2);
        assertEquals(4, visits.groups().size());
        boolean anyBoosting = candidates.stream().anyMatch(r -> r.get(Head.MODEL).equals("boosting"));
        for (RolloutGroup g : visits.groups()) {
            assertEquals(6, g.rollouts().size(), "the budget of a GRPO visit: group-size episodes");
            for (int c = 0; c < 6; c++) {
                // A classification task takes no target choice: the recipe plays with the default target.
                assertEquals(candidates.get(c).with(Head.TARGET, Head.TARGET.defaultOption()),
                        recipeOf(g.rollouts().get(c)), "candidate " + c + " played as drawn");
            }
        }
        // Only boosting medals here, and only valid trajectories are offered: one per visit exactly when it was tried.
        assertEquals(anyBoosting ? 4 : 0, visits.best().size());
        visits.best().forEach(t -> assertEquals("boosting", recipeOf(t).get(Head.MODEL)));
        assertEquals(anyBoosting ? 1.0 : 0.0, visits.medalRate());
    }

    @Test
    void sftOnTheExpertKeepsItsMedalVisitsAndMovesThePolicyToItsRecipe(@TempDir Path dir) throws Exception {
        ChoiceRewardSession session = new ChoiceRewardSession(t -> t.contains("model=boosting"), settings(), dir, null);
        GrpoSettings s = SftSettings.from(settings()).rollouts();
        ExpertSearch search = new ExpertSearch(session, EmbeddedPolicy.untrained(0), s);
        int medalVisits = 0;
        for (int step = 1; step <= 3; step++) {
            boolean tried = search.candidates(ActionSpace.HONEST, step).stream()
                    .anyMatch(r -> r.get(Head.MODEL).equals("boosting"));
            medalVisits += tried ? 4 : 0;
        }
        assertTrue(medalVisits > 0, "the seed's draws try boosting at least once");

        TrainingResult result = new SftTrainer().train(session);
        assertEquals(medalVisits, result.finalMetrics().get("kept_trajectories"),
                "one trajectory per visit whose best medals, none of the other candidates");
        assertEquals(3 * 4 * 6, result.finalMetrics().get("episodes"), "steps x tasks-per-step x group-size");
        assertTrue(session.logged().get(0).containsKey("expert_medal_rate"), "logged per step: " + session.logged());

        EmbeddedPolicy before = EmbeddedPolicy.untrained(0);
        EmbeddedPolicy after = new EmbeddedPolicy(PolicyCheckpoint.load(result.finalCheckpoint()).network(), 0, "t");
        assertTrue(boosting(after) > 0.6 && boosting(before) < 0.2, boosting(before) + " -> " + boosting(after));
    }

    /** Probability of {@code model=boosting} on the fake task's prompt. */
    private static double boosting(EmbeddedPolicy policy) {
        var rows = policy.rows(ChoiceRewardSession.prompt("t0"), ResponseFormat.REACT,
                List.of(new TokenLogprob("model=boosting", 0)));
        return Math.exp(policy.network().logProbs(ChoiceBatch.of(policy.network().space(), rows))[0]);
    }

    /** The recipe of a one-turn trajectory, read from its choice tokens. */
    private static Recipe recipeOf(Trajectory t) {
        Map<Head, String> choices = new HashMap<>();
        for (TokenLogprob token : t.turns().get(0).response().logprobs()) {
            int eq = token.token().indexOf('=');
            choices.put(Head.byKey(token.token().substring(0, eq)), token.token().substring(eq + 1));
        }
        return new Recipe(choices);
    }
}
