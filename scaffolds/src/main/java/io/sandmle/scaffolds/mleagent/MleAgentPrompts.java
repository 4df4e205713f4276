package io.sandmle.scaffolds.mleagent;

/** MLE-Dojo's MLE-Agent prompts (scaffolds.md §4.2, paraphrased). */
final class MleAgentPrompts {

    private MleAgentPrompts() {
    }

    static final String RESPONSE_FORMAT = """
            Respond with exactly one of these JSON objects and no other text:
            {"action": "request_info", "params": {"info_type": "<overview|sample_submission|data_structure|data_path|output_path>"}}
            {"action": "validate_code", "params": {"code": "<python code>"}}
            {"action": "execute_code", "params": {"code": "<python code>"}}
            The reply must be valid JSON (escape newlines and quotes inside the code).""";

    static String instruction(String competitionId, int actions, long seconds) {
        return """
                You are a top Kaggle grandmaster competing in "%s". Your goal is to maximise the Position Score \
                (your rank on the leaderboard) within a limited number of steps. You must use real machine \
                learning or deep learning methods: random or non-ML submissions are void.

                You have %d actions in total and %d seconds, code execution included.

                Actions:
                - request_info (params: info_type, one of overview, sample_submission, data_structure, data_path, \
                output_path): returns the requested information.
                - validate_code (params: code): runs code to test parts of it, debug or print; returns success or \
                failure with the output or the error. No score.
                - execute_code (params: code): runs complete code that writes the submission; returns the \
                execution result, the submission status and the evaluation score.

                Code requirements:
                - Request all the information you need first.
                - Read data from the data path; save the submission to the output path with as many rows as the \
                test data, following the sample submission.
                - Do not modify the data. Use print to see results. No plotting.
                - Every code is self-contained: nothing carries over between calls.
                - Code submitted with execute_code must run completely.
                - Keep optimising your solution.

                A Position Score is obtained only through execute_code with a successful run and a valid submission.

                %s""".formatted(competitionId, actions, seconds, RESPONSE_FORMAT);
    }

    static String reflection(String feedback, int actionsLeft, long secondsLeft) {
        return """
                The results of your previous action:
                #### Results Start ####
                %s
                #### Results End ####
                You still have %d actions and %d seconds left. Optimize your Model/Parameters/Data Processing/\
                Algorithm for a better Position Score.
                Output your next action in the required format.""".formatted(feedback, actionsLeft, secondsLeft);
    }

    static String error(String feedback, int actionsLeft, long secondsLeft) {
        return """
                Execution failed:
                #### Error Start ####
                %s
                #### Error End ####
                You still have %d actions and %d seconds left.
                Output your next action in the required format.""".formatted(feedback, actionsLeft, secondsLeft);
    }

    static String fixParseError(String reply, String error) {
        return """
                The reply below could not be parsed: %s
                Fix ONLY its format, without changing its content. Make sure the code is runnable as python3 <code>.

                #### Reply ####
                %s

                %s""".formatted(error, reply, RESPONSE_FORMAT);
    }
}
