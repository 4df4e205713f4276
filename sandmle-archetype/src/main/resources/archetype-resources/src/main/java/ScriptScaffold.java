package ${package};

import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.Episode;
import io.sandmle.api.MleEnvironment;
import io.sandmle.api.Scaffold;
import io.sandmle.api.StepRecord;
import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the policy for one complete Python script, runs it with the environment's {@code execute_code}
 * (which grades the {@code submission.csv} the script writes), and while the submission is not valid and
 * the budget allows, shows the policy what went wrong and asks for a corrected script.
 *
 * <p>End reasons: {@code submitted} (a valid graded submission), {@code max_turns}, {@code time_limit},
 * {@code model_error} (the policy call failed) and {@code environment_error} (the step could not run).
 * The final grade is the episode's best grade, which the harness records with the trajectory.
 */
public final class ScriptScaffold implements Scaffold {

    /** The name configs use: {@code scaffolds: [${scaffoldName}]}. */
    public static final String NAME = "${scaffoldName}";

    static final String SYSTEM_PROMPT = """
            You are a machine-learning engineer solving a prediction task. Reply with one complete Python
            script in a single fenced code block marked python. The script must train a model on the data
            and write submission.csv in the current directory, with the columns of sample_submission.csv.""";

    private static final Pattern PYTHON_BLOCK = Pattern.compile("```(?:python|py)?[ \\t]*\\n(.*?)```", Pattern.DOTALL);

    @Override
    public Trajectory run(Episode episode) {
        long startNanos = System.nanoTime();
        MleEnvironment env = episode.env();
        // The environment knows its sandbox layout: where the data is mounted and where output goes.
        String taskInfo = env.requestInfo("all").observation();
        List<ChatMessage> messages = new ArrayList<>(List.of(
                ChatMessage.system(SYSTEM_PROMPT),
                ChatMessage.user("Task " + episode.task().id() + ": " + episode.task().title() + "\n\n" + taskInfo)));
        List<Turn> turns = new ArrayList<>();
        String endReason = "max_turns";
        while (turns.size() < episode.budget().maxTurns()) {
            if (System.nanoTime() - startNanos >= episode.budget().episodeTime().toNanos()) {
                endReason = "time_limit";
                break;
            }
            long turnStart = System.nanoTime();
            List<ChatMessage> prompt = List.copyOf(messages);
            long waitStart = System.nanoTime();
            ChatResponse reply = ask(episode, prompt);
            long waited = System.nanoTime() - waitStart;
            if (reply.failed()) {
                turns.add(new Turn(turns.size(), prompt, reply, "none", null, reply.error(),
                        harnessMillis(turnStart, waited)));
                endReason = "model_error";
                break;
            }
            messages.add(ChatMessage.assistant(reply.content()));
            String code = pythonCode(reply.content());
            if (code == null) {
                turns.add(new Turn(turns.size(), prompt, reply, "none", null, "no python code block in the reply",
                        harnessMillis(turnStart, waited)));
                messages.add(ChatMessage.user("There was no python code block in your reply. Reply with the whole "
                        + "script in one fenced python block."));
                continue;
            }
            StepRecord step;
            waitStart = System.nanoTime();
            try {
                step = env.executeCode(code);
            } catch (RuntimeException e) {
                turns.add(new Turn(turns.size(), prompt, reply, "execute_code", null,
                        "the environment could not run the code: " + e.getMessage(),
                        harnessMillis(turnStart, waited + System.nanoTime() - waitStart)));
                endReason = "environment_error";
                break;
            }
            waited += System.nanoTime() - waitStart;
            turns.add(new Turn(turns.size(), prompt, reply, "execute_code", step, null,
                    harnessMillis(turnStart, waited)));
            if (step.grade() != null && step.grade().valid()) {
                endReason = "submitted";
                break;
            }
            messages.add(ChatMessage.user("The script ran, but the submission is not valid yet:\n"
                    + step.observation() + "\n\nFix the script and reply with the whole corrected script."));
        }
        return new Trajectory(Trajectory.SCHEMA_VERSION, episode.episodeId(), episode.task().id(), NAME,
                episode.model().id(), episode.seed(), turns, env.bestGrade(), endReason,
                (System.nanoTime() - startNanos) / 1_000_000);
    }

    /** The policy's reply; a policy that throws (it should not) costs only this turn. */
    private static ChatResponse ask(Episode episode, List<ChatMessage> prompt) {
        try {
            return episode.model().chat(new ChatRequest(prompt, episode.sampling(), null, false));
        } catch (RuntimeException e) {
            return ChatResponse.failure("The policy failed: " + e.getMessage(), 0);
        }
    }

    /** The first fenced python block of a reply, or {@code null} when there is none. */
    static String pythonCode(String reply) {
        Matcher block = PYTHON_BLOCK.matcher(reply);
        return block.find() ? block.group(1) : null;
    }

    /** A turn's own time: since it started, less what it waited for the policy and the environment. */
    private static long harnessMillis(long turnStartNanos, long waitedNanos) {
        return Math.max(0, (System.nanoTime() - turnStartNanos - waitedNanos) / 1_000_000);
    }
}
