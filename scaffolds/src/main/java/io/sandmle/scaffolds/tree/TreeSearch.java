package io.sandmle.scaffolds.tree;

import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.Episode;
import io.sandmle.api.ExecResult;
import io.sandmle.api.Grade;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.StepRecord;
import io.sandmle.api.Trajectory;
import io.sandmle.scaffolds.support.Replies;
import io.sandmle.scaffolds.support.TaskBrief;
import io.sandmle.support.EpisodeRun;
import java.util.List;
import java.util.Random;

/**
 * AIDE's draft / debug / improve tree search with greedy node selection, as AIDE and aira-dojo's greedy
 * solver run it (scaffolds.md §2.3, §3.2). Each node is one operator call (retried up to
 * {@value #EXTRACTION_ATTEMPTS} times when the reply holds no code), one {@code execute_code} in the
 * environment, and a review that reads the printed validation metric ({@link ValidationMetric}).
 *
 * <p>Bug rule (aira-dojo): the run failed, or printed no metric, or left no valid submission. The metric's
 * direction is the task's. The final grade is that of the best good node when it ran; with no good node,
 * the last node's grade, so the reason it was invalid stays on record.
 *
 * <p>End reasons: {@code max_turns}, {@code timeout}, {@code model_error} (every attempt of a node failed at
 * the endpoint).
 */
public final class TreeSearch {

    /** Every tree-search scaffold asks for a plan and one fenced python block. */
    public static final ResponseFormat RESPONSE_FORMAT = ResponseFormat.PLAN_AND_CODE;

    static final int EXTRACTION_ATTEMPTS = 3;
    private static final int TRIM_ABOVE = 5_100;
    private static final int TRIM_KEEP = 2_500;

    private final String scaffold;
    private final Operators operators;
    private final GreedyPolicy policy;
    private final boolean emptyRoot;

    /**
     * @param emptyRoot aira-dojo's empty buggy root whose children are the drafts; AIDE has none
     */
    public TreeSearch(String scaffold, Operators operators, GreedyPolicy policy, boolean emptyRoot) {
        this.scaffold = scaffold;
        this.operators = operators;
        this.policy = policy;
        this.emptyRoot = emptyRoot;
    }

    public Trajectory run(Episode episode) {
        EpisodeRun run = new EpisodeRun(episode, scaffold, RESPONSE_FORMAT);
        TaskBrief brief = TaskBrief.of(run);
        String preview = DataPreview.of(episode.task().publicDir());
        Journal journal = new Journal(emptyRoot ? Node.root() : null, episode.task().lowerIsBetter());
        Random random = new Random(episode.seed());
        Node last = null;
        while (true) {
            if (run.outOfTurns()) {
                return finish(run, journal, last, "max_turns");
            }
            if (run.outOfTime()) {
                return finish(run, journal, last, "timeout");
            }
            Node parent = policy.select(journal, random);
            String stage = parent == null ? "draft" : parent.buggy ? "debug" : "improve";
            String memory = stage.equals("debug")
                    ? (operators.debugMemory() ? Journal.debugChainSummary(parent) : "")
                    : journal.goodNodeSummary();
            Operators.Context ctx = new Operators.Context(brief, memory, preview, run.timeLeft(), run.turnsLeft(),
                    episode.budget().stepTime());
            List<ChatMessage> prompt = switch (stage) {
                case "draft" -> operators.draft(ctx);
                case "debug" -> operators.debug(ctx, parent);
                default -> operators.improve(ctx, parent);
            };
            Proposal proposal = propose(run, prompt, stage);
            if (proposal == null) {
                return finish(run, journal, last, run.outOfTurns() ? "max_turns" : "model_error");
            }
            Node node = new Node(journal.size() + 1, parent == null ? journal.root() : parent, proposal.plan,
                    proposal.code);
            StepRecord step = run.act("execute_code", node.code, () -> episode.env().executeCode(node.code));
            review(node, step);
            journal.add(node);
            last = node;
            run.record(prompt, proposal.response, stage, step, proposal.note);
        }
    }

    /** A reply that yielded code, or the raw text after the last attempt. */
    private record Proposal(String plan, String code, ChatResponse response, String note) {
    }

    /**
     * Asks for a plan and code up to {@value #EXTRACTION_ATTEMPTS} times. Failed attempts are recorded
     * as turns. Returns {@code null} when every attempt failed at the endpoint or the turns ran out.
     */
    private Proposal propose(EpisodeRun run, List<ChatMessage> prompt, String stage) {
        for (int attempt = 1; attempt <= EXTRACTION_ATTEMPTS && !run.outOfTurns(); attempt++) {
            ChatResponse r = run.ask(prompt, List.of());
            if (r.failed()) {
                run.record(prompt, r, stage, null, r.error());
                continue;
            }
            String text = Replies.withoutThinking(r.content());
            List<String> blocks = Replies.fencedBlocks(text, "python", "py");
            String plan = Replies.textBeforeFirstFence(text);
            String code = String.join("\n\n", blocks).strip();
            boolean lastAttempt = attempt == EXTRACTION_ATTEMPTS || run.turnsLeft() == 1;
            if (!code.isEmpty() && (!plan.isEmpty() || !operators.requiresPlan())) {
                return new Proposal(plan, code, r, null);
            }
            String why = code.isEmpty() ? "no fenced python block in the reply" : "no plan before the code";
            if (lastAttempt) {
                // As AIDE does after its last try: the raw text becomes the code and the node turns out buggy.
                return new Proposal(plan, code.isEmpty() ? text : code, r, why + "; ran the raw reply");
            }
            run.record(prompt, r, stage, null, why + " (attempt " + attempt + " of " + EXTRACTION_ATTEMPTS + ")");
        }
        return null;
    }

    /** The review: output, metric and bug rule (aira-dojo §3.3 with the metric read from the output). */
    private static void review(Node node, StepRecord step) {
        ExecResult exec = step.exec();
        Grade grade = step.grade();
        StringBuilder out = new StringBuilder();
        if (exec != null) {
            out.append(exec.stdoutTail());
            if (!exec.stderrTail().isEmpty()) {
                out.append('\n').append(exec.stderrTail());
            }
            if (exec.killedReason() != null) {
                out.append('\n').append(exec.killedReason());
            }
        } else {
            out.append(step.observation());
        }
        node.output = trim(out.toString());
        node.grade = grade;
        Double metric = ValidationMetric.read(node.output);
        boolean ran = exec != null && exec.succeeded();
        boolean validSubmission = grade != null && grade.valid();
        if (grade != null && !grade.valid()) {
            node.output += "\nsubmission.csv Grader Feedback: " + grade.reason();
        }
        node.buggy = !ran || metric == null || !validSubmission;
        node.metric = node.buggy ? null : metric;
        node.analysis = !ran ? "The code failed" + (exec != null && exec.timedOut() ? " (time limit)." : ".")
                : metric == null ? "The code ran but printed no validation metric."
                : !validSubmission ? "The code ran but its submission.csv is missing or invalid."
                : "The code ran; validation metric " + metric + ".";
    }

    /** AIDE's symmetric trim of long output: the first and last 2,500 characters. */
    static String trim(String s) {
        if (s.length() <= TRIM_ABOVE) {
            return s;
        }
        return s.substring(0, TRIM_KEEP) + "\n ... [" + (s.length() - 2 * TRIM_KEEP) + " characters truncated] ... \n"
                + s.substring(s.length() - TRIM_KEEP);
    }

    private static Trajectory finish(EpisodeRun run, Journal journal, Node last, String reason) {
        Node best = journal.best();
        Grade grade = best != null ? best.grade : last != null ? last.grade : null;
        return run.finish(reason, grade);
    }
}
