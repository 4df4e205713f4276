package io.sandmle.scaffolds.mleagent;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.scaffolds.support.Replies;
import io.sandmle.support.Json;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One MLE-Agent action parsed and validated as MLE-Dojo does (scaffolds.md §4.3): a JSON object with exactly
 * {@code action} and {@code params}, the action one of {@code request_info}, {@code validate_code},
 * {@code execute_code}, and params exactly {@code {info_type}} or {@code {code}}. Following the digest's
 * recommendation for reasoning models, text up to the last {@code </think>} is dropped first, and when the
 * first {@code ```json} block (or the whole reply) is not JSON the outermost braces are tried.
 *
 * @param action the action name
 * @param value  the info type or the code
 */
record AgentAction(String action, String value) {

    static final List<String> ACTIONS = List.of("request_info", "validate_code", "execute_code");

    /** The outcome of parsing: an action, or the error to show in a repair prompt. */
    record Parsed(AgentAction action, String error) {
    }

    static Parsed parse(String reply) {
        String text = Replies.withoutThinking(reply).strip();
        List<String> fenced = Replies.fencedBlocks(text, "json");
        int jsonFence = text.indexOf("```json");
        String candidate = jsonFence >= 0 && !fenced.isEmpty() ? firstJsonFence(text) : text;
        if (candidate.isBlank()) {
            return new Parsed(null, "The reply is empty.");
        }
        JsonNode node = read(candidate);
        if (node == null) {
            String braces = Replies.outermostBraces(text);
            node = braces == null ? null : read(braces);
        }
        if (node == null || !node.isObject()) {
            return new Parsed(null, "The reply is not a JSON object.");
        }
        return validate(node);
    }

    private static String firstJsonFence(String text) {
        int start = text.indexOf('\n', text.indexOf("```json"));
        int end = start < 0 ? -1 : text.indexOf("```", start);
        return start < 0 || end < 0 ? text : text.substring(start + 1, end);
    }

    private static JsonNode read(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (Exception e) {
            return null;
        }
    }

    private static Parsed validate(JsonNode node) {
        Set<String> keys = fieldNames(node);
        if (!keys.equals(Set.of("action", "params"))) {
            return new Parsed(null, "The JSON must have exactly the keys \"action\" and \"params\", not " + keys + ".");
        }
        String action = node.get("action").asText();
        if (!ACTIONS.contains(action)) {
            return new Parsed(null, "Unknown action \"" + action + "\"; use one of " + ACTIONS + ".");
        }
        JsonNode params = node.get("params");
        String field = action.equals("request_info") ? "info_type" : "code";
        if (!params.isObject() || !fieldNames(params).equals(Set.of(field)) || !params.get(field).isTextual()) {
            return new Parsed(null, "The params of " + action + " must be exactly {\"" + field + "\": <string>}.");
        }
        String value = params.get(field).asText();
        if (value.isBlank()) {
            return new Parsed(null, "The " + field + " of " + action + " is empty.");
        }
        return new Parsed(new AgentAction(action, value), null);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
