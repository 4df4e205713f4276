package io.sandmle.envserver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * OpenEnv's message protocol over one client session: parses and checks each message (envelope, reset
 * request and action against their JSON Schemas), runs it, and writes the answer: {@code observation}
 * ({@code {observation, reward, done}}), {@code state} or {@code error} ({@code {message, code}}). A bad
 * message gets an error and the session goes on.
 */
final class Protocol {

    private static final Set<String> TYPES = Set.of("reset", "step", "state", "close");

    private final Schemas schemas;
    private final ObjectMapper mapper;
    private final long maxCodeBytes;
    private final SessionRegistry registry;

    Protocol(Schemas schemas, ObjectMapper mapper, long maxCodeBytes, SessionRegistry registry) {
        this.schemas = schemas;
        this.mapper = mapper;
        this.maxCodeBytes = maxCodeBytes;
        this.registry = registry;
    }

    /** The answer to one message, and whether the client asked to close. */
    record Reply(String json, boolean close) {
    }

    Reply handle(ClientSession session, String text) {
        try {
            JsonNode message = parse(text);
            String type = message.path("type").asText("");
            if (!TYPES.contains(type)) {
                throw new ProtocolError(ProtocolError.UNKNOWN_TYPE, "Unknown message type '" + type + "'; send one of "
                        + "reset, step, state, close.");
            }
            check(Schemas.Name.MESSAGE, message, "message");
            JsonNode data = message.has("data") ? message.get("data") : mapper.createObjectNode();
            return switch (type) {
                case "reset" -> new Reply(observation(session.reset(checkedReset(data))), false);
                case "step" -> new Reply(observation(session.step(checkedAction(data))), false);
                case "state" -> new Reply(envelope("state", state(session)), false);
                default -> new Reply(null, true);
            };
        } catch (ProtocolError e) {
            return new Reply(error(e), false);
        } catch (RuntimeException e) {
            return new Reply(error(new ProtocolError(ProtocolError.EXECUTION_ERROR, "The server failed on this "
                    + "message: " + e.getMessage())), false);
        }
    }

    JsonNode parse(String text) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || !node.isObject()) {
                throw new ProtocolError(ProtocolError.INVALID_JSON, "A message must be one JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ProtocolError(ProtocolError.INVALID_JSON, "The message is not JSON: "
                    + e.getOriginalMessage() + ".");
        }
    }

    JsonNode checkedReset(JsonNode data) {
        check(Schemas.Name.RESET, data, "reset request");
        return data;
    }

    /** Checks an action: its code's size first (a 10 MB string gets a sentence, not a schema dump), then the schema. */
    JsonNode checkedAction(JsonNode data) {
        JsonNode code = data.path("params").path("code");
        if (code.isTextual()) {
            long bytes = code.asText().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxCodeBytes) {
                throw new ProtocolError(ProtocolError.VALIDATION_ERROR, String.format(Locale.ROOT,
                        "The code is %.1f MB; the server takes at most %.1f MB per action (server.max-code-bytes).",
                        bytes / 1048576.0, maxCodeBytes / 1048576.0));
            }
        }
        check(Schemas.Name.ACTION, data, "action");
        return data;
    }

    /** The session's state, with how full the server is. */
    ObjectNode state(ClientSession session) {
        ObjectNode s = session == null ? null : session.state();
        if (s == null) {
            s = mapper.createObjectNode();
            s.putNull("episode_id");
            s.put("step_count", 0);
        }
        s.put("active_sessions", registry.active());
        s.put("max_sessions", registry.max());
        return s;
    }

    /** OpenEnv's step result: the observation with reward and done beside it. */
    ObjectNode result(EpisodeSession.Result r) {
        ObjectNode data = mapper.createObjectNode();
        data.set("observation", r.observation());
        data.put("reward", r.reward());
        data.put("done", r.done());
        return data;
    }

    private String observation(EpisodeSession.Result r) {
        return envelope("observation", result(r));
    }

    String error(ProtocolError e) {
        ObjectNode data = mapper.createObjectNode();
        data.put("message", e.getMessage());
        data.put("code", e.code());
        if (e.code().equals(ProtocolError.CAPACITY_REACHED)) {
            data.put("active_sessions", registry.active());
            data.put("max_sessions", registry.max());
        }
        return envelope("error", data);
    }

    private String envelope(String type, JsonNode data) {
        ObjectNode o = mapper.createObjectNode();
        o.put("type", type);
        o.set("data", data);
        return o.toString();
    }

    private void check(Schemas.Name schema, JsonNode node, String what) {
        List<String> problems = schemas.problems(schema, node);
        if (!problems.isEmpty()) {
            throw new ProtocolError(ProtocolError.VALIDATION_ERROR, "Invalid " + what + ": "
                    + String.join("; ", problems.subList(0, Math.min(3, problems.size()))) + ".");
        }
    }
}
