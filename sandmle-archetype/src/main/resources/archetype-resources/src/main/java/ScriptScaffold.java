package ${package};

import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.Episode;
import io.sandmle.api.MleEnvironment;
import io.sandmle.api.ResponseFormat;
import io.sandmle.api.Scaffold;
import io.sandmle.api.StepRecord;
import io.sandmle.api.Trajectory;
import io.sandmle.support.EpisodeRun;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the policy for one complete Python script, runs it with the environment's {@code execute_code}
 * (which grades the {@code submission.csv} the script writes), and while the submission is not valid and
 * the budget allows, shows the policy what went wrong and asks for a corrected script. {@link EpisodeRun}
 * (from the harness's {@code support}) keeps the budget, times the calls and records the turns.
 *
 * <p>End reasons: {@code submitted} (a valid graded submission), {@code max_turns}, {@code time_limit} and
 * {@code model_error} (the policy call failed). An environment that cannot run a step answers with an error
 * observation, which the policy sees like any other failure. The final grade is the episode's best grade.
 */
public final class ScriptScaffold implements Scaffold {

    /** The name configs use: {@code scaffolds: [${scaffoldName}]}. */
    public static final String NAME = "${scaffoldName}";

    static final String SYSTEM_PROMPT = """
            You are a machine-learning engineer solving a prediction task. Reply with one complete Python
            script in a single fenced code block marked python. The script must train a model on the data
            and write submission.csv in the current directory, with the columns of sample_submission.csv.""";

    private static final Pattern PYTHON_BLOCK = Pattern.compile("```(?:python|py)?[ \\t]*\\n(.*?)```", Pattern.DOTALL);

    /** Replies are a short plan and one fenced python block, which policies are told on every request. */
    @Override
    public ResponseFormat responseFormat() {
        return ResponseFormat.PLAN_AND_CODE;
    }

    @Override
    public Trajectory run(Episode episode) {
        EpisodeRun run = new EpisodeRun(episode, NAME, responseFormat());
        MleEnvironment env = episode.env();
        // The environment knows its sandbox layout: where the data is mounted and where output goes.
        String taskInfo = run.act("request_info", null, () -> env.requestInfo("all")).observation();
        List<ChatMessage> messages = new ArrayList<>(List.of(
                ChatMessage.system(SYSTEM_PROMPT),
                ChatMessage.user("Task " + episode.task().id() + ": " + episode.task().title() + "\n\n" + taskInfo)));
        while (!run.outOfTurns()) {
            if (run.outOfTime()) {
                return run.finish("time_limit", env.bestGrade());
            }
            List<ChatMessage> prompt = List.copyOf(messages);
            ChatResponse reply = run.ask(prompt, List.of());
            if (reply.failed()) {
                run.record(prompt, reply, "none", null, reply.error());
                return run.finish("model_error", env.bestGrade());
            }
            messages.add(ChatMessage.assistant(reply.content()));
            String code = pythonCode(reply.content());
            if (code == null) {
                run.record(prompt, reply, "none", null, "no python code block in the reply");
                messages.add(ChatMessage.user("There was no python code block in your reply. Reply with the whole "
                        + "script in one fenced python block."));
                continue;
            }
            StepRecord step = run.act("execute_code", code, () -> env.executeCode(code));
            run.record(prompt, reply, "execute_code", step, null);
            if (step.grade() != null && step.grade().valid()) {
                return run.finish("submitted", env.bestGrade());
            }
            messages.add(ChatMessage.user("The script ran, but the submission is not valid yet:\n"
                    + step.observation() + "\n\nFix the script and reply with the whole corrected script."));
        }
        return run.finish("max_turns", env.bestGrade());
    }

    /** The first fenced python block of a reply, or {@code null} when there is none. */
    static String pythonCode(String reply) {
        Matcher block = PYTHON_BLOCK.matcher(reply);
        return block.find() ? block.group(1) : null;
    }
}
