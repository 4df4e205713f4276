package io.sandmle.support.doubles;

import io.sandmle.api.ChatMessage;
import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.TokenLogprob;
import io.sandmle.api.Usage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in policy for benchmarks: it always writes the same good script (logistic regression on the
 * numeric columns, a printed validation accuracy, a submission in the sample's columns) and answers in
 * the format the request declares (docs/CONTRACTS.md §4). In ReAct it runs the script, calls Score, then
 * answers: three turns.
 */
public final class FixedScriptPolicy implements LanguageModel {

    private static final Pattern FOLDER = Pattern.compile("## Dataset Folder:\\s*\\n\\s*(\\S+)");
    private static final Pattern DATA_PATH = Pattern.compile("\"data_path\"\\s*:\\s*\"([^\"]+)\"");

    @Override
    public String id() {
        return "fixed-script";
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        List<ChatMessage> m = request.messages();
        String all = String.join("\n", m.stream().map(ChatMessage::content).toList());
        String reply = switch (request.responseFormat()) {
            case REACT -> react(m, all);
            case JSON_ACTION -> m.size() == 1
                    ? "{\"action\": \"request_info\", \"params\": {\"info_type\": \"data_path\"}}"
                    : "{\"action\": \"execute_code\", \"params\": {\"code\": " + quote(script(all)) + "}}";
            case PLAN_AND_CODE, FREE_TEXT ->
                    "Fit a logistic regression on the numeric columns and report hold-out accuracy.\n\n```python\n"
                    + script(all) + "```\n";
        };
        return new ChatResponse(reply, null, List.of(new TokenLogprob("script=logistic", 0.0)),
                new Usage(all.length() / 4, reply.length() / 4, 0), "stop", null, 0);
    }

    /** Runs the script, then calls Score, then answers. */
    private static String react(List<ChatMessage> m, String all) {
        long responses = m.stream().filter(x -> x.content().startsWith("<tool_response>")).count();
        if (responses == 0) {
            return "<think>Fit a baseline.</think>\n<tool_call>\npython\n<code>\n" + script(all) + "</code>\n</tool_call>";
        }
        return responses == 1 ? "<think>Grade it.</think>\n<tool_call>\n{\"name\": \"Score\", \"arguments\": "
                + "{\"competition_id\": \"task\"}}\n</tool_call>"
                : "<think>Good.</think>\n<answer>submission</answer>";
    }

    /** The data folder named in the prompt, or {@code /data}. */
    public static String dataDir(String prompt) {
        Matcher m = FOLDER.matcher(prompt);
        if (m.find()) {
            return m.group(1);
        }
        m = DATA_PATH.matcher(prompt);
        return m.find() ? m.group(1) : "/data";
    }

    public static String script(String prompt) {
        return """
                import os
                import pandas as pd
                from sklearn.linear_model import LogisticRegression
                from sklearn.metrics import accuracy_score
                from sklearn.model_selection import train_test_split
                D = %s
                train = pd.read_csv(os.path.join(D, "train.csv"))
                test = pd.read_csv(os.path.join(D, "test.csv"))
                sample = pd.read_csv(os.path.join(D, "sample_submission.csv"))
                idc, target = sample.columns[0], sample.columns[1]
                feats = [c for c in test.columns if c != idc and pd.api.types.is_numeric_dtype(test[c])]
                xtr, xva, ytr, yva = train_test_split(train[feats], train[target], test_size=0.25, random_state=0)
                model = LogisticRegression(max_iter=1000).fit(xtr, ytr)
                print(f"Validation metric: {accuracy_score(yva, model.predict(xva)):.4f}")
                model.fit(train[feats], train[target])
                pd.DataFrame({idc: test[idc], target: model.predict(test[feats])}).to_csv("submission.csv", index=False)
                """.formatted(quote(dataDir(prompt)));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
