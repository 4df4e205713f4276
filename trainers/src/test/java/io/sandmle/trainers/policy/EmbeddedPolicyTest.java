package io.sandmle.trainers.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Sampling;
import io.sandmle.support.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPolicyTest {

    private static final String TASK = "## Competition ID: demo\nThis is a binary task scored by ROC AUC. "
            + "train.csv has 120 training rows. Some readings are missing.\n## Dataset Folder:\n/data/demo/public/\n";
    private static final String REACT_SYSTEM = "Tool formats:\n<tool_call>\npython\n<code>\n# Your code\n</code>\n"
            + "</tool_call>\n<tool_call>\n{\"name\": \"Score\", \"arguments\": {\"competition_id\": \"x\"}}\n</tool_call>";

    private static ChatResponse ask(EmbeddedPolicy policy, List<ChatMessage> messages, long seed) {
        return ask(policy, messages, seed, ResponseFormat.REACT);
    }

    private static ChatResponse ask(EmbeddedPolicy policy, List<ChatMessage> messages, long seed, ResponseFormat format) {
        return policy.chat(new ChatRequest(messages, new Sampling(1, 1, 4096, seed), List.of(), true, format));
    }

    private static EmbeddedPolicy policy(Map<String, String> settings) {
        return (EmbeddedPolicy) new EmbeddedPolicyProvider().create(settings);
    }

    private static List<ChatMessage> react() {
        return List.of(ChatMessage.system(REACT_SYSTEM), ChatMessage.user(TASK));
    }

    @Test
    void reactAnswerCarriesThinkToolCallCodeAndChoiceLogprobs() {
        ChatResponse r = ask(EmbeddedPolicy.untrained(3), react(), 11);
        assertFalse(r.failed());
        String c = r.content();
        assertTrue(c.startsWith("<think>") && c.contains("</think>") && c.contains("<tool_call>\npython\n<code>"), c);
        assertTrue(c.contains("\"/data/demo/public/\""), "the data folder comes from the prompt");
        assertTrue(c.contains("METRIC = \"roc-auc\""));
        assertTrue(c.contains("submission.csv"));
        Set<String> heads = new HashSet<>();
        r.logprobs().forEach(t -> heads.add(t.token().substring(0, t.token().indexOf('='))));
        assertEquals(Set.of("model", "impute", "encode", "scale", "capacity", "ensemble"), heads,
                "a classification task samples every recipe head but the target transform");
        r.logprobs().forEach(t -> assertTrue(t.logprob() < 0 && t.logprob() > -4, t.toString()));
    }

    @Test
    void sameSeedSameChoicesOtherSeedsVary() {
        EmbeddedPolicy policy = EmbeddedPolicy.untrained(3);
        assertEquals(ask(policy, react(), 5).content(), ask(policy, react(), 5).content());
        Set<String> recipes = new HashSet<>();
        for (long s = 0; s < 20; s++) {
            recipes.add(ask(policy, react(), s).logprobs().toString());
        }
        assertTrue(recipes.size() > 15, "the untrained policy explores: " + recipes.size());
    }

    @Test
    void theDateInTheSystemPromptDoesNotChangeTheChoices() {
        EmbeddedPolicy policy = EmbeddedPolicy.untrained(3);
        for (long s = 0; s < 5; s++) {
            ChatResponse today = ask(policy, List.of(ChatMessage.system(REACT_SYSTEM + "\nCurrent date: 2026-11-21"),
                    ChatMessage.user(TASK)), s);
            ChatResponse tomorrow = ask(policy, List.of(ChatMessage.system(REACT_SYSTEM + "\nCurrent date: 2026-11-22"),
                    ChatMessage.user(TASK)), s);
            assertEquals(today.logprobs().toString(), tomorrow.logprobs().toString(), "seed " + s);
        }
    }

    @Test
    void afterAGoodRunItCallsScoreThenMayAnswer() {
        EmbeddedPolicy policy = EmbeddedPolicy.untrained(3);
        List<ChatMessage> m = new ArrayList<>(react());
        m.add(ChatMessage.assistant(ask(policy, m, 1).content()));
        m.add(ChatMessage.user("<tool_response>\n[Output]\nwrote submission.csv\nsubmission.csv exists at /w/submission.csv\n</tool_response>"));
        ChatResponse score = ask(policy, m, 1);
        assertTrue(score.content().contains("\"name\":\"Score\"") && score.content().contains("\"competition_id\":\"demo\""),
                score.content());
        assertTrue(score.logprobs().isEmpty(), "grading is not a choice");
        m.add(ChatMessage.assistant(score.content()));
        m.add(ChatMessage.user("<tool_response>\nSubmission OK. Details: {\"score_primary (main)\": 0.91, "
                + "\"metric_lower_is_better (x)\": false, \"threshold_bronze (x)\": 0.8, \"threshold_median (x)\": 0.6}"
                + "\n</tool_response>"));
        ChatResponse next = ask(policy, m, 1);
        assertTrue(next.logprobs().get(0).token().startsWith("next="), next.logprobs().toString());
    }

    /** A trap recipe (lightgbm, no imputation) that failed with a missing import, as a traps policy would write it. */
    private static List<ChatMessage> failedTrapRecipe() {
        List<ChatMessage> m = new ArrayList<>(react());
        m.add(ChatMessage.assistant("<think>x</think><tool_call>\npython\n<code>\n# recipe: model=lightgbm impute=none "
                + "encode=onehot scale=none capacity=mid ensemble=single target=raw\nimport lightgbm\n</code>\n</tool_call>"));
        m.add(ChatMessage.user("<tool_response>\n[Stderr]\nTraceback (most recent call last):\n"
                + "ModuleNotFoundError: No module named 'lightgbm'\n</tool_response>"));
        return m;
    }

    /** The code of the first {@code fix=repair} answer over seeds 0..29. */
    private static String repaired(EmbeddedPolicy policy, List<ChatMessage> m) {
        for (long s = 0; s < 30; s++) {
            ChatResponse r = ask(policy, m, s);
            assertTrue(r.logprobs().get(0).token().startsWith("fix="));
            if (r.logprobs().get(0).token().equals("fix=repair")) {
                return r.content();
            }
        }
        throw new AssertionError("no seed chose fix=repair");
    }

    @Test
    void aFailedStepIsRepairedFromTheRecipeComment() {
        List<ChatMessage> m = failedTrapRecipe();
        PromptView view = new PromptReader().read(m, ResponseFormat.REACT);
        assertEquals(Phase.ERROR, view.phase());
        assertEquals(ErrorKind.MISSING_IMPORT, view.error());
        assertEquals("lightgbm", view.previousRecipe().get(Head.MODEL));
        // With traps the repair swaps only the failed cause and keeps the rest of the recipe, trap included.
        String withTraps = repaired(policy(Map.of("traps", "true", "seed", "3")), m);
        assertTrue(withTraps.contains("model=boosting impute=none"), withTraps);
        // The honest policy never renders a trap, not even one it reads from an earlier turn.
        String honest = repaired(EmbeddedPolicy.untrained(3), m);
        assertTrue(honest.contains("model=boosting impute=median"), honest);
    }

    @Test
    void theHonestSpaceOffersNoTrapAndTrapsOffersThemAll() {
        EmbeddedPolicy honest = EmbeddedPolicy.untrained(3);
        EmbeddedPolicy traps = policy(Map.of("traps", "true", "seed", "3"));
        assertEquals(ActionSpace.HONEST, honest.network().space());
        assertEquals(ActionSpace.WITH_TRAPS, traps.network().space());
        Set<String> honestTokens = new HashSet<>();
        Set<String> trapTokens = new HashSet<>();
        for (long s = 0; s < 60; s++) {
            ChatResponse h = ask(honest, react(), s);
            h.logprobs().forEach(t -> honestTokens.add(t.token()));
            assertFalse(h.content().contains("lightgbm") || h.content().contains("Dummy")
                    || h.content().contains("missing values are left"), h.content());
            ask(traps, react(), s).logprobs().forEach(t -> trapTokens.add(t.token()));
        }
        Set<String> trapOptions = Set.of("model=constant", "model=lightgbm", "impute=none");
        assertTrue(honestTokens.stream().noneMatch(trapOptions::contains), honestTokens.toString());
        assertTrue(trapTokens.containsAll(trapOptions), trapTokens.toString());
        for (long s = 0; s < 30; s++) {
            ChatResponse r = ask(honest, failedTrapRecipe(), s);
            if (r.logprobs().get(0).token().equals("fix=simplest")) {
                assertTrue(r.content().contains("# recipe: model=linear impute=median encode=drop"), r.content());
                return;
            }
        }
        throw new AssertionError("no seed chose fix=simplest");
    }

    @Test
    void trapsIsTrueOrFalseAndACheckpointKeepsItsActionSpace(@TempDir Path dir) throws Exception {
        assertEquals("policy setting 'traps' must be true or false, not 'yes'", assertThrows(
                IllegalArgumentException.class, () -> EmbeddedSettings.from(Map.of("traps", "yes"))).getMessage());
        EmbeddedPolicy traps = policy(Map.of("traps", "true"));
        new PolicyCheckpoint(1, 0, "init", Map.of()).save(traps.network(), dir);
        assertEquals(ActionSpace.WITH_TRAPS, PolicyCheckpoint.load(dir).network().space());
        assertEquals(ActionSpace.WITH_TRAPS, policy(Map.of("traps", "true", "checkpoint", dir.toString()))
                .network().space());
        assertEquals("the checkpoint in " + dir + " was trained with traps; set the policy setting traps: true to use it",
                assertThrows(IllegalArgumentException.class,
                        () -> policy(Map.of("checkpoint", dir.toString()))).getMessage());
    }

    @Test
    void aideAndMleAgentFormats() throws Exception {
        EmbeddedPolicy policy = EmbeddedPolicy.untrained(3);
        ChatResponse aide = ask(policy, List.of(ChatMessage.system("# Introduction\nYou are a Kaggle grandmaster.\n"
                + "# Task description\n" + TASK + "# Instructions\nRespond with a plan and one ```python block.")), 2,
                ResponseFormat.PLAN_AND_CODE);
        assertTrue(aide.content().contains("\n\n```python\n# recipe:") && aide.content().endsWith("```\n"));
        assertTrue(aide.content().contains("working/submission.csv"));

        String mle = "You have 3 actions. Respond with one JSON {\"action\": ..., \"params\": {...}}: "
                + "request_info (info_type), validate_code (code), execute_code (code).\n";
        ChatResponse first = ask(policy, List.of(ChatMessage.user(mle)), 2, ResponseFormat.JSON_ACTION);
        JsonNode action = Json.MAPPER.readTree(first.content());
        assertEquals("request_info", action.get("action").asText(), "no data path yet: ask for it");
        assertEquals("data_path", action.get("params").get("info_type").asText());
        ChatResponse second = ask(policy, List.of(ChatMessage.user(mle), ChatMessage.assistant(first.content()),
                ChatMessage.user("Your requested information: {'data_path': '/srv/task/public'}")), 2,
                ResponseFormat.JSON_ACTION);
        JsonNode code = Json.MAPPER.readTree(second.content());
        assertEquals("execute_code", code.get("action").asText());
        assertTrue(code.get("params").get("code").asText().contains("\"/srv/task/public\""));
    }

    @Test
    void theDeclaredFormatDecidesTheAnswerWhateverThePromptSays() throws Exception {
        EmbeddedPolicy policy = EmbeddedPolicy.untrained(3);
        ChatResponse json = ask(policy, react(), 4, ResponseFormat.JSON_ACTION);
        assertEquals("execute_code", Json.MAPPER.readTree(json.content()).get("action").asText(), json.content());
        ChatResponse free = ask(policy, react(), 4, ResponseFormat.FREE_TEXT);
        assertFalse(free.content().contains("<tool_call>"), free.content());
        assertTrue(free.content().contains("```python\n# recipe:"), free.content());
    }

    @Test
    void checkpointRoundTripKeepsChoices(@TempDir Path dir) throws Exception {
        EmbeddedPolicy policy = EmbeddedPolicy.untrained(9);
        new PolicyCheckpoint(4, 9, "init", Map.of("reward", 0.5)).save(policy.network(), dir);
        PolicyCheckpoint.Loaded loaded = PolicyCheckpoint.load(dir);
        EmbeddedPolicy again = new EmbeddedPolicy(loaded.network(), 9, "again");
        assertEquals(4, loaded.checkpoint().step());
        for (long s = 0; s < 5; s++) {
            assertEquals(ask(policy, react(), s).logprobs(), ask(again, react(), s).logprobs());
        }
    }
}
