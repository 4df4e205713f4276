package io.sandmle.trainers.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.sandmle.api.ResponseFormat;
import io.sandmle.support.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Writes an {@link Action} in the scaffold's response format (docs/CONTRACTS.md §4). */
public final class ResponseWriter {

    private final CodeRenderer renderer = new CodeRenderer();

    public String write(Action action, PromptView view) {
        return switch (view.format()) {
            case REACT -> react(action, view);
            case PLAN_AND_CODE, FREE_TEXT -> action.plan() + "\n\n```python\n" + code(action, view) + "```\n";
            case JSON_ACTION -> mleAgent(action, view);
        };
    }

    private String code(Action action, PromptView view) {
        // Plan-and-code turns are always code actions (the reader gives them no score or answer phase).
        Recipe recipe = Objects.requireNonNull(action.recipe(), "only a code action is rendered as code");
        return renderer.render(recipe, view, view.format() == ResponseFormat.PLAN_AND_CODE);
    }

    private String react(Action action, PromptView view) {
        String think = "<think>\n" + action.plan() + "\n</think>\n";
        return switch (action.kind()) {
            case CODE -> think + "<tool_call>\npython\n<code>\n" + code(action, view) + "</code>\n</tool_call>";
            case SCORE -> think + "<tool_call>\n" + json(pair("name", "Score", "arguments",
                    Map.of("competition_id", view.taskId()))) + "\n</tool_call>";
            case ANSWER, REQUEST_DATA_PATH -> think + "<answer>submission</answer>";
        };
    }

    private String mleAgent(Action action, PromptView view) {
        if (action.kind() == Action.Kind.CODE) {
            return json(pair("action", "execute_code", "params", Map.of("code", code(action, view))));
        }
        String info = action.kind() == Action.Kind.REQUEST_DATA_PATH ? "data_path" : "overview";
        return json(pair("action", "request_info", "params", Map.of("info_type", info)));
    }

    /** A two-key JSON object that keeps its key order ({@code action} before {@code params}). */
    private static Map<String, Object> pair(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialise", e);
        }
    }
}
