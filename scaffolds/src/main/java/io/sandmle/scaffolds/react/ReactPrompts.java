package io.sandmle.scaffolds.react;

import io.sandmle.scaffolds.support.TaskBrief;
import java.time.Duration;
import java.time.LocalDate;

/** SandMLE's ReAct prompts, paraphrased from its training and evaluation scripts (sandmle.md §2.3, §3.2). */
final class ReactPrompts {

    private ReactPrompts() {
    }

    static String system(LocalDate today) {
        return """
                You are an expert Kaggle competitor. Your job is to produce one Python script that trains a model \
                on the task's data and writes its predictions to submission.csv.

                Rules:
                - Do not install packages; use only what is already installed.
                - Use the PythonInterpreter tool to run code and iterate on it.
                - Once a submission.csv exists, call the Score tool, then keep refining until you are satisfied.
                - Be concise.

                Loop:
                - STRICT: make exactly one tool call per response.
                - Observe at least one <tool_response> before you end.
                - Reply <answer>submission</answer> only when the feedback looks good.

                Think first inside <think></think>, then make your tool call in one of these two formats:

                <tool_call>
                python
                <code>
                # Your Python code here
                </code>
                </tool_call>

                <tool_call>
                {"name": "Score", "arguments": {"competition_id": "<id from the task description>"}}
                </tool_call>

                Current date: """ + today;
    }

    static String user(TaskBrief brief, int maxTurns, Duration stepTime) {
        return brief.asTaskBlock() + """

                ## Requirements
                - A GPU may not be available: prefer CUDA when it is, and fall back to the CPU.
                - Every PythonInterpreter run must finish within %d seconds.
                - You may take up to %d turns.
                - Inspect the data files first.
                - Match the columns of sample_submission.csv and write submission.csv to the current directory.
                - Use only the preinstalled common libraries.
                - Do not print progress bars.
                - Ignore the competition timeline.
                """.formatted(stepTime.toSeconds(), maxTurns);
    }
}
