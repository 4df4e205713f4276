package io.sandmle.environments.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.Executor;
import io.sandmle.api.GenerationOutcome;
import io.sandmle.api.GenerationRequest;
import io.sandmle.api.Limits;
import io.sandmle.api.Scale;
import io.sandmle.api.Thresholds;
import io.sandmle.api.codec.TaskJson;
import io.sandmle.environments.suites.SyntheticSuite;
import io.sandmle.executors.local.LocalExecutor;
import io.sandmle.support.Json;
import io.sandmle.support.doubles.ScriptedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The llm generator's four roles loop on feedback until their output works, then pass the same verifier. */
class LlmGeneratorTest {

    private static final List<String> ROLES = List.of("Data Strategist", "ML Developer", "MLOps Engineer",
            "Technical Writer");

    @TempDir
    Path tmp;

    private static final String STRATEGY_BAD = "```json\n{\"domain\": \"astrology\", \"train_rows\": 120}\n```";
    private static final String STRATEGY_OK = "```json\n{\"domain\": \"retail\", \"train_rows\": 150, \"mutations\": "
            + "{\"noise\": 0.3, \"missing_rate\": 0.05, \"outlier_rate\": 0.0, \"positive_rate\": 0.5, "
            + "\"distractors\": 2, \"shift\": 0.0}}\n```";

    private static final Function<ChatRequest, String> GOOD_SCRIPT = r -> "```python\n"
            + ReferenceLadder.verificationScript(block(r, "json")) + "```";
    private static final Function<ChatRequest, String> CLEAN_TEXT = r -> "```markdown\n# Retail task\nPredict the "
            + "target; submissions look like this:\n" + block(r, "") + "\n```";
    private static final Function<ChatRequest, String> GOOD_EVALUATOR = r -> {
        try {
            JsonNode facts = Json.MAPPER.readTree(block(r, "json"));
            JsonNode th = facts.get("thresholds");
            return "```python\n" + MlOpsEngineer.evaluatorSource(facts.get("metric").asText(),
                    facts.get("lower_is_better").asBoolean(), new Thresholds(th.get("gold").asDouble(),
                            th.get("silver").asDouble(), th.get("bronze").asDouble(), th.get("median").asDouble()))
                    + "```";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    };

    private static ScriptedModel model() {
        Function<ChatRequest, String> brokenScript = r -> "```python\nimport pandas as pd\nraise SystemExit('boom: no model')\n```";
        Function<ChatRequest, String> leakyText = r -> {
            String firstInput = r.messages().get(1).content().lines().filter(l -> l.startsWith("train.csv header: "))
                    .findFirst().orElseThrow().substring("train.csv header: ".length()).split(",")[1];
            return "```markdown\n# Task\nThe label depends on " + firstInput + ".\n```";
        };
        Function<ChatRequest, String> badEvaluator = r -> "```python\nprint('score is high')\n```";
        return byRole(Map.of(
                "Data Strategist", List.of(r -> STRATEGY_BAD, r -> STRATEGY_OK),
                "ML Developer", List.of(brokenScript, GOOD_SCRIPT),
                "Technical Writer", List.of(leakyText, CLEAN_TEXT),
                "MLOps Engineer", List.of(badEvaluator, GOOD_EVALUATOR)));
    }

    /** Each role (told apart by its system prompt) answers its n-th turn from its script; the last reply repeats. */
    private static ScriptedModel byRole(Map<String, List<Function<ChatRequest, String>>> scripts) {
        return ScriptedModel.byRequest(r -> {
            List<Function<ChatRequest, String>> script = scripts.get(role(r));
            long turn = r.messages().stream().filter(m -> m.role().equals("assistant")).count();
            return script.get((int) Math.min(turn, script.size() - 1)).apply(r);
        });
    }

    private static String role(ChatRequest r) {
        String system = r.messages().get(0).content();
        return ROLES.stream().filter(system::contains).findFirst().orElseThrow();
    }

    /** The first user message's fenced block of a language. */
    private static String block(ChatRequest r, String fence) {
        String user = r.messages().stream().filter(m -> m.role().equals("user")).map(ChatMessage::content)
                .findFirst().orElseThrow();
        return AgentLoop.block(user, fence);
    }

    @Test
    void everyRoleRecoversFromItsFirstMistakeAndTheTaskVerifies() throws Exception {
        ScriptedModel model = model();
        GenerationOutcome o = new LlmGenerator().generate(new GenerationRequest(TestTasks.seed("spaceship-titanic"),
                1, 3, Scale.MICRO, tmp), TestTasks.context(model)).get(0);
        assertTrue(o.kept(), "dropped: " + o.dropReason());
        assertTrue(o.taskId().startsWith("retail-"), "the strategist's domain is used: " + o.taskId());
        assertEquals(150, Files.readAllLines(o.dir().resolve("prepared/public/train.csv")).size() - 1);
        assertTrue(lastUser(model, "Data Strategist").contains("not one of the listed domains"));
        assertTrue(lastUser(model, "ML Developer").contains("boom: no model"), "the sandbox error is fed back");
        assertTrue(lastUser(model, "Technical Writer").contains("reveals the hidden rule"));
        assertTrue(lastUser(model, "MLOps Engineer").contains("must print one JSON object"));
        assertTrue(Files.isRegularFile(o.dir().resolve("prepared/public/evaluator.py")));
        assertTrue(Files.isRegularFile(o.dir().resolve("reference/llm/ml-developer.json")));
        assertEquals("llm", TaskJson.read(o.dir()).attributes().get("generator"));
    }

    /**
     * A model-written evaluator that reads a host file, forks a sleeper, prints 1 GB and then sleeps forever runs
     * in the real sandbox: it cannot see the host file, nothing of it outlives its step, the step's one-sentence
     * reason is fed back, its task is dropped, and the next task is generated and kept.
     */
    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aHostileEvaluatorIsContainedAndOnlyItsTaskIsDropped() throws Exception {
        String canary = "host-canary-" + UUID.randomUUID();
        Path hostFile = Files.writeString(tmp.resolve("host-secret.txt"), canary);
        String sleeper = "86400." + ProcessHandle.current().pid();
        String hostile = "```python\nimport os, sys, time\n"
                + "try:\n    print(open('" + hostFile + "').read())\n"
                + "except OSError as e:\n    print('cannot read the host file:', e, file=sys.stderr, flush=True)\n"
                + "if os.fork() == 0:\n    os.execv('/usr/bin/sleep', ['sleep', '" + sleeper + "'])\n"
                + "chunk = 'x' * (1 << 20)\n"
                + "for _ in range(1024):\n    sys.stdout.write(chunk)\n"
                + "time.sleep(10 ** 9)\n```";
        AtomicInteger evaluatorsWritten = new AtomicInteger();
        ScriptedModel model = byRole(Map.of(
                "Data Strategist", List.of(r -> STRATEGY_OK),
                "ML Developer", List.of(GOOD_SCRIPT),
                "Technical Writer", List.of(CLEAN_TEXT),
                "MLOps Engineer", List.of(r -> evaluatorsWritten.getAndIncrement() < LlmGenerator.MAX_TURNS ? hostile
                        : GOOD_EVALUATOR.apply(r))));
        Limits fiveSeconds = EvaluatorStep.LIMITS.withWallTime(Duration.ofSeconds(5));
        List<GenerationOutcome> outcomes;
        try (Executor sandbox = new LocalExecutor()) {
            outcomes = new LlmGenerator(task -> new SyntheticSuite().grader(task), new EvaluatorStep(fiveSeconds))
                    .generate(new GenerationRequest(TestTasks.seed("spaceship-titanic"), 2, 4, Scale.MICRO,
                            tmp.resolve("out")), TestTasks.context(model, sandbox));
        }
        assertEquals("llm-mlops-failed", outcomes.get(0).dropReason());
        assertTrue(outcomes.get(1).kept(), "generation goes on: " + outcomes.get(1).dropReason());
        String feedback = requests(model, "MLOps Engineer").get(1).messages().stream()
                .filter(m -> m.role().equals("user")).reduce((first, second) -> second).orElseThrow().content();
        assertTrue(feedback.contains("cannot read the host file"), feedback);
        assertTrue(feedback.contains("The step ran past its wall-time limit of 5 s and was killed."), feedback);
        assertTrue(model.requests().stream().flatMap(r -> r.messages().stream())
                .noneMatch(m -> m.content().contains(canary)), "the host file's content reached the model");
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").contains(sleeper)),
                "the evaluator's forked sleeper outlived its step");
    }

    @Test
    void aRoleThatNeverSucceedsDropsTheTaskWithItsName() {
        ScriptedModel model = byRole(Map.of("Data Strategist", List.of(r -> STRATEGY_BAD)));
        GenerationOutcome o = new LlmGenerator().generate(new GenerationRequest(TestTasks.seed("spaceship-titanic"),
                1, 3, Scale.MICRO, tmp), TestTasks.context(model)).get(0);
        assertEquals("llm-strategist-failed", o.dropReason());
        assertEquals(LlmGenerator.MAX_TURNS, requests(model, "Data Strategist").size());
    }

    @Test
    void withoutAModelTheGeneratorSaysWhatToPass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LlmGenerator().generate(
                new GenerationRequest(TestTasks.seed("spaceship-titanic"), 1, 3, Scale.MICRO, tmp),
                TestTasks.context(null)));
        assertTrue(e.getMessage().contains("--policy"));
    }

    private static String lastUser(ScriptedModel model, String role) {
        List<ChatRequest> requests = requests(model, role);
        var messages = requests.get(requests.size() - 1).messages();
        return messages.get(messages.size() - 1).content();
    }

    private static List<ChatRequest> requests(ScriptedModel model, String role) {
        return model.requests().stream().filter(r -> role(r).equals(role)).toList();
    }
}
