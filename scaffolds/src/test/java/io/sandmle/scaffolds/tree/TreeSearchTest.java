package io.sandmle.scaffolds.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import io.sandmle.scaffolds.Fixtures;
import io.sandmle.scaffolds.aide.AideScaffold;
import io.sandmle.scaffolds.aira.AiraGreedyScaffold;
import io.sandmle.support.doubles.ScriptedModel;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TreeSearchTest {

    private static String solution(String marker) {
        return "<think>hmm</think>I will fit a logistic regression on x1 and x2.\n\n```python\nprint('" + marker
                + "')\n```\n";
    }

    @Test
    void aideDraftsThenImprovesTheBestNode() {
        ScriptedModel model = ScriptedModel.replying(solution("METRIC=0.7"), solution("METRIC=0.9"),
                solution("METRIC=0.8"), solution("METRIC=0.85"));
        Trajectory t = new AideScaffold().run(Fixtures.episode(model, 5));
        assertEquals("max_turns", t.endReason());
        assertEquals(List.of("draft", "draft", "draft", "improve", "improve"),
                t.turns().stream().map(Turn::action).toList());
        assertEquals(0.9, t.finalGrade().score(), "the best node by validation metric");
        String improve = model.requests().get(3).messages().get(0).content();
        assertTrue(improve.contains("# Previous solution") && improve.contains("METRIC=0.9"), improve);
        assertTrue(improve.contains("Validation Metric: 0.9"), "memory lists good nodes");
        assertEquals(1, model.requests().get(0).messages().size());
        assertEquals("system", model.requests().get(0).messages().get(0).role());
        assertTrue(model.requests().get(0).messages().get(0).content().contains("train.csv has 40 rows and 4 columns"));
        assertTrue(model.requests().stream().allMatch(r -> r.responseFormat() == ResponseFormat.PLAN_AND_CODE));
        assertEquals(ResponseFormat.PLAN_AND_CODE, new AiraGreedyScaffold().responseFormat());
    }

    @Test
    void aReplyWithoutCodeIsRetriedThenRunAsIs() {
        Trajectory t = new AideScaffold().run(Fixtures.episode(ScriptedModel.replying("just words"), 3));
        assertEquals(3, t.turns().size());
        assertTrue(t.turns().get(0).note().contains("attempt 1 of 3"));
        assertTrue(t.turns().get(2).note().contains("ran the raw reply"));
        assertEquals("execute_code", t.turns().get(2).step().action());
    }

    @Test
    void airaDebugsBuggyDraftsWithTheirHistory() {
        ScriptedModel model = ScriptedModel.byCall(i -> i < 5 ? solution("BUG") : solution("METRIC=0.8"));
        Trajectory t = new AiraGreedyScaffold().run(Fixtures.episode(model, 7));
        // debug probability 1.0: every buggy leaf gets debugged before anything is improved
        assertEquals(List.of("draft", "draft", "draft", "draft", "draft", "debug", "debug"),
                t.turns().stream().map(Turn::action).toList());
        String debug = model.requests().get(5).messages().get(0).content();
        assertTrue(debug.contains("# Buggy Implementation") && debug.contains("ValueError: BUG"), debug);
        assertTrue(debug.contains("# Previous debugging attempts"));
        assertTrue(debug.contains("submission.csv Grader Feedback"));
        assertEquals(0.8, t.finalGrade().score());
    }

    @Test
    void endpointFailuresOnEveryAttemptEndTheEpisode() {
        Trajectory t = new AideScaffold().run(Fixtures.episode(ScriptedModel.replying(ScriptedModel.FAIL), 10));
        assertEquals("model_error", t.endReason());
        assertEquals(3, t.turns().size());
        assertNull(t.finalGrade());
    }

    @Test
    void greedyPolicy() {
        Journal j = new Journal(null, false);
        Node a = node(j, null, false, 0.5);
        Node b = node(j, null, true, null);
        GreedyPolicy policy = new GreedyPolicy(2, 1.0, 3);
        assertSame(b, policy.select(j, new Random(1)), "debug the buggy leaf");
        assertSame(a, new GreedyPolicy(2, 0.0, 3).select(j, new Random(1)), "improve the best");
        assertNull(new GreedyPolicy(3, 0.0, 3).select(j, new Random(1)), "still drafting");
        Node b1 = node(j, b, true, null);
        Node b2 = node(j, b1, true, null);
        assertEquals(2, b2.debugDepth());
        assertSame(b2, policy.select(j, new Random(1)));
        assertSame(a, new GreedyPolicy(2, 1.0, 1).select(j, new Random(1)), "chain too deep: improve instead");
    }

    @Test
    void metricIsReadFromTheOutput() {
        assertEquals(0.8123, ValidationMetric.read("epoch 1\nValidation AUC: 0.8123\ndone"));
        assertEquals(0.61, ValidationMetric.read("CV score over 5 folds = 0.61"));
        assertEquals(12.5, ValidationMetric.read("rmse 12.5"));
        assertNull(ValidationMetric.read("trained 5 models"));
        assertNull(ValidationMetric.read("validation loss: nan"));
    }

    private static Node node(Journal j, Node parent, boolean buggy, Double metric) {
        Node n = new Node(j.size() + 1, parent, "plan", "code");
        n.buggy = buggy;
        n.metric = metric;
        j.add(n);
        return n;
    }
}
