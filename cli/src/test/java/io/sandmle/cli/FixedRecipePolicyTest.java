package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import io.sandmle.runner.config.RepoFiles;
import io.sandmle.runner.store.RunStore;
import io.sandmle.trainers.policy.ChoiceBatch;
import io.sandmle.trainers.policy.EmbeddedPolicy;
import io.sandmle.trainers.policy.EmbeddedSettings;
import io.sandmle.trainers.policy.Head;
import io.sandmle.trainers.policy.Recipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The best-fixed-recipe baseline: {@code sandmle eval} of the embedded policy with a {@code recipe} setting, through
 * the real sandbox and the synthetic grader on the fixture task, plays that recipe in every episode, with tokens that
 * read back as the network's choices.
 */
class FixedRecipePolicyTest {

    private static final String RECIPE = "model=tree capacity=low scale=standard";

    @TempDir
    Path dir;

    private Path config(String recipe) throws Exception {
        Path file = dir.resolve("eval.yaml");
        Files.writeString(file, """
                run: fixed-recipe
                runs-dir: %s
                suites:
                  - {name: synthetic, data-dir: '%s'}
                seeds: [0, 1, 2]
                scaffolds: [react]
                policies:
                  - {name: best-fixed, provider: embedded, settings: {recipe: '%s'}}
                executor: {name: local, parallel: 2}
                budget: {max-turns: 4, episode-time: 2m, step-time: 1m}
                """.formatted(dir.resolve("runs"), RepoFiles.fixtureTasks(), recipe));
        return file;
    }

    @Test
    void everyEpisodePlaysTheRecipeAndItsTokensReadBackAsThoseChoices() throws Exception {
        CliRun run = CliRun.of("eval", "--config", config(RECIPE).toString());
        assertEquals(SandmleCommand.OK, run.exitCode(), run.err());

        Recipe recipe = EmbeddedSettings.from(Map.of("recipe", RECIPE)).recipe();
        EmbeddedPolicy reader = EmbeddedPolicy.untrained(0);
        try (RunStore store = RunStore.open(dir.resolve("runs/fixed-recipe"))) {
            assertEquals(3, store.episodes().size(), "three seeds of the fixture task");
            for (EpisodeRecord e : store.episodes()) {
                Trajectory t = store.trajectory(e.episodeId());
                List<Turn> codeTurns = t.turns().stream()
                        .filter(turn -> turn.response() != null && turn.response().content().contains("# recipe:"))
                        .toList();
                assertTrue(!codeTurns.isEmpty(), "episode " + e.episodeId() + " wrote code");
                for (Turn turn : codeTurns) {
                    assertTrue(turn.response().content().contains("# recipe: " + recipe.describe() + "\n"),
                            "the fixed recipe in " + e.episodeId() + ": " + turn.response().content());
                    for (ChoiceBatch.Row row : reader.rows(turn.prompt(), turn.responseFormat(),
                            turn.response().logprobs())) {
                        if (Head.recipeHeads().contains(row.head())) {
                            assertEquals(recipe.get(row.head()),
                                    reader.network().space().options(row.head()).get(row.option()),
                                    "the token of " + row.head() + " in " + e.episodeId());
                        }
                    }
                }
                assertTrue(e.grade() != null && e.grade().valid(), "a tree makes a valid submission: " + e);
                assertEquals("answered", e.endReason(), "a scored fixed recipe answers: " + e.episodeId());
            }
        }
    }

    @Test
    void aRecipeWithAnUnknownOptionIsOneSentenceNamingTheNearest() throws Exception {
        CliRun run = CliRun.of("eval", "--config", config("model=tre capacity=low").toString());
        assertEquals(SandmleCommand.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("policy setting 'recipe' 'model=tre capacity=low': 'model=tre' is not an option "
                + "of model in the honest action space; did you mean 'tree'?"), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one sentence: " + run.err());
    }
}
