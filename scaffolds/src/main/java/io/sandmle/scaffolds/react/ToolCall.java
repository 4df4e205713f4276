package io.sandmle.scaffolds.react;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first {@code <tool_call>} of a ReAct reply, parsed as SandMLE does (sandmle.md §3.1): a call whose
 * text mentions {@code python} or {@code <code>} runs the {@code <code>} blocks; any other call is JSON
 * {@code {"name":…, "arguments":{…}}} dispatched by name.
 *
 * @param tool  {@code python}, {@code score}, or {@code invalid}
 * @param code  the code to run for {@code python}, else {@code null}
 * @param error the observation to hand back for {@code invalid}, else {@code null}
 * @param text  the call's raw text (used to spot a policy repeating itself)
 */
record ToolCall(String tool, String code, String error, String text) {

    static final String NOT_JSON = "Error: Tool call is not a valid JSON. Tool call must contain a valid \"name\" "
            + "and \"arguments\" field.";
    static final String NO_CODE_TAGS = "[Python Interpreter Error]: Formatting error. You must wrap your code within "
            + "<code></code> tags.";

    /**
     * json5-like leniency: single quotes, unquoted names, trailing commas, comments. Its own set-up, not
     * support.Json's, because SandMLE's ReAct accepts tool calls that strict JSON refuses.
     */
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();
    private static final Pattern CODE = Pattern.compile("<code>(.*?)(?:</code>|$)", Pattern.DOTALL);

    /** The first tool call of {@code reply}, or {@code null} when the reply makes none. */
    static ToolCall first(String reply) {
        int open = reply.indexOf("<tool_call>");
        if (open < 0) {
            return null;
        }
        int from = open + "<tool_call>".length();
        int close = reply.indexOf("</tool_call>", from);
        String text = (close < 0 ? reply.substring(from) : reply.substring(from, close)).strip();
        if (text.contains("python") || text.contains("<code>")) {
            return python(text);
        }
        return json(text);
    }

    private static ToolCall python(String text) {
        StringBuilder code = new StringBuilder();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            code.append(m.group(1).replace("<code>", "").replace("</code>", "")).append('\n');
        }
        String src = code.toString().strip();
        return src.isEmpty() ? new ToolCall("invalid", null, NO_CODE_TAGS, text) : new ToolCall("python", src, null, text);
    }

    private static ToolCall json(String text) {
        JsonNode call;
        try {
            call = LENIENT.readTree(text);
        } catch (Exception e) {
            return new ToolCall("invalid", null, NOT_JSON, text);
        }
        if (call == null || !call.path("name").isTextual()) {
            return new ToolCall("invalid", null, NOT_JSON, text);
        }
        String name = call.get("name").asText();
        if (name.equals("Score")) {
            return new ToolCall("score", null, null, text);
        }
        if (name.equals("PythonInterpreter") && call.path("arguments").path("code").isTextual()) {
            return new ToolCall("python", call.get("arguments").get("code").asText(), null, text);
        }
        return new ToolCall("invalid", null, "Error: Tool " + name + " not found. The tools are PythonInterpreter "
                + "and Score.", text);
    }
}
