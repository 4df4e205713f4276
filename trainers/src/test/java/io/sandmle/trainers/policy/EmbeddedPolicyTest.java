package io.sandmle.trainers.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void aFailedStepIsRepairedFromTheRecipeComment() {
        EmbeddedPolicy policy = EmbeddedPolicy.untrained(3);
        List<ChatMessage> m = new ArrayList<>(react());
        m.add(ChatMessage.assistant("<think>x</think><tool_call>\npython\n<code>\n# recipe: model=lightgbm impute=none "
                + "encode=onehot scale=none capacity=mid ensemble=single target=raw\nimport lightgbm\n</code>\n</tool_call>"));
        m.add(ChatMessage.user("<tool_response>\n[Stderr]\nTraceback (most recent call last):\n"
                + "ModuleNotFoundError: No module named 'lightgbm'\n</tool_response>"));
        PromptView view = new PromptReader().read(m, ResponseFormat.REACT);
        assertEquals(Phase.ERROR, view.phase());
        assertEquals(ErrorKind.MISSING_IMPORT, view.error());
        assertEquals("lightgbm", view.previousRecipe().get(Head.MODEL));
        boolean sawRepair = false;
        for (long s = 0; s < 30 && !sawRepair; s++) {
            ChatResponse r = ask(policy, m, s);
            assertTrue(r.logprobs().get(0).token().startsWith("fix="));
            if (r.logprobs().get(0).token().equals("fix=repair")) {
                sawRepair = true;
                assertTrue(r.content().contains("model=boosting impute=none"), r.content());
            }
        }
        assertTrue(sawRepair);
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
        new PolicyCheckpoint(4, 9, "init", java.util.Map.of("reward", 0.5)).save(policy.network(), dir);
        PolicyCheckpoint.Loaded loaded = PolicyCheckpoint.load(dir);
        EmbeddedPolicy again = new EmbeddedPolicy(loaded.network(), 9, "again");
        assertEquals(4, loaded.checkpoint().step());
        for (long s = 0; s < 5; s++) {
            assertEquals(ask(policy, react(), s).logprobs(), ask(again, react(), s).logprobs());
        }
    }
}
