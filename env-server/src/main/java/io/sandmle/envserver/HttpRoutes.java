package io.sandmle.envserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * OpenEnv's HTTP routes: {@code GET /health}, {@code /metadata}, {@code /schema}, {@code /state}, and
 * {@code POST /reset}, {@code /step}; plus {@code POST /close} and the rollout service's {@code POST /rollouts}.
 *
 * <p>OpenEnv's own HTTP reset and step are stateless (a fresh environment per call). An ML episode needs its
 * work folder between steps, so here {@code POST /reset} opens a session and answers with its
 * {@code session_id}, and {@code POST /step} names it; such sessions count against the same capacity and
 * idle timeout as WebSocket ones. {@code /ws} remains the transport engines use.
 */
final class HttpRoutes extends Handler.Abstract {

    private static final Map<String, Integer> STATUS = Map.of(
            ProtocolError.INVALID_JSON, HttpStatus.BAD_REQUEST_400,
            ProtocolError.VALIDATION_ERROR, HttpStatus.UNPROCESSABLE_ENTITY_422,
            ProtocolError.UNKNOWN_TASK, HttpStatus.NOT_FOUND_404,
            ProtocolError.SESSION_ERROR, HttpStatus.NOT_FOUND_404,
            ProtocolError.NO_EPISODE, HttpStatus.CONFLICT_409,
            ProtocolError.EPISODE_DONE, HttpStatus.CONFLICT_409,
            ProtocolError.CAPACITY_REACHED, HttpStatus.SERVICE_UNAVAILABLE_503);

    private final Protocol protocol;
    private final SessionRegistry registry;
    private final RolloutService rollouts;
    private final Schemas schemas;
    private final ObjectNode metadata;
    private final ObjectNode openApi;
    private final ObjectMapper mapper;

    HttpRoutes(Protocol protocol, SessionRegistry registry, RolloutService rollouts, Schemas schemas,
               ObjectNode metadata, ObjectMapper mapper) {
        this.protocol = protocol;
        this.registry = registry;
        this.rollouts = rollouts;
        this.schemas = schemas;
        this.metadata = metadata;
        this.mapper = mapper;
        this.openApi = openApi(mapper, metadata.path("version").asText());
    }

    /** The routes as an OpenAPI document: what {@code openenv validate} reads to see which routes a server has. */
    private static ObjectNode openApi(ObjectMapper mapper, String version) {
        ObjectNode doc = mapper.createObjectNode().put("openapi", "3.1.0");
        doc.putObject("info").put("title", "sandmle env-server").put("version", version);
        ObjectNode paths = doc.putObject("paths");
        String[][] routes = {{"/health", "get", "Whether the server is up."},
                {"/metadata", "get", "Name, description, version, actions and the served tasks with their splits."},
                {"/schema", "get", "JSON Schemas of action, observation and state (and of reset and messages)."},
                {"/state", "get", "A session's state (query session_id), or the server's."},
                {"/reset", "post", "Opens an HTTP session's episode; answers with its session_id."},
                {"/step", "post", "One action in the session named by session_id."},
                {"/close", "post", "Ends the session named by session_id."},
                {"/rollouts", "post", "Runs G episodes with a scaffold against the caller's OpenAI-compatible URL."},
                {"/mcp", "post", "JSON-RPC 2.0; this server offers no MCP tools (every method is not found)."}};
        for (String[] r : routes) {
            paths.putObject(r[0]).putObject(r[1]).put("summary", r[2]);
        }
        return doc;
    }

    /**
     * OpenEnv's MCP route, answered as JSON-RPC 2.0 says: the actions are this server's tools only through the
     * environment protocol, so every method (or a request that is not one) gets its JSON-RPC error.
     */
    private JsonNode mcp(JsonNode call) {
        ObjectNode answer = mapper.createObjectNode().put("jsonrpc", "2.0");
        answer.set("id", call.get("id"));
        boolean isCall = call.path("jsonrpc").asText().equals("2.0") && call.path("method").isTextual();
        answer.putObject("error").put("code", isCall ? -32601 : -32600).put("message", isCall
                ? "Method " + call.get("method").asText() + " is not offered; use the environment protocol on /ws."
                : "Not a JSON-RPC 2.0 request.");
        return answer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String route = request.getMethod() + " " + Request.getPathInContext(request);
        JsonNode answer;
        int status = HttpStatus.OK_200;
        try {
            answer = switch (route) {
                case "GET /health" -> mapper.createObjectNode().put("status", "healthy");
                case "GET /openapi.json" -> openApi;
                case "POST /mcp" -> mcp(body(request));
                case "GET /metadata" -> metadata;
                case "GET /schema" -> schema();
                case "GET /state" -> protocol.state(session(Request.extractQueryParameters(request)
                        .getValue("session_id"), false));
                case "POST /reset" -> reset(body(request));
                case "POST /step" -> step(body(request));
                case "POST /close" -> close(body(request));
                case "POST /rollouts" -> rollouts.handle(body(request));
                default -> null;
            };
        } catch (ProtocolError e) {
            status = STATUS.getOrDefault(e.code(), HttpStatus.INTERNAL_SERVER_ERROR_500);
            answer = mapper.createObjectNode().put("detail", e.getMessage()).put("code", e.code());
        } catch (RuntimeException e) {
            status = HttpStatus.INTERNAL_SERVER_ERROR_500;
            answer = mapper.createObjectNode().put("detail", "The server failed: " + e.getMessage())
                    .put("code", ProtocolError.EXECUTION_ERROR);
        }
        if (answer == null) {
            return false;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, mapper.writeValueAsString(answer), callback);
        return true;
    }

    private ObjectNode schema() {
        ObjectNode o = mapper.createObjectNode();
        o.set("action", schemas.document(Schemas.Name.ACTION));
        o.set("observation", schemas.document(Schemas.Name.OBSERVATION));
        o.set("state", schemas.document(Schemas.Name.STATE));
        o.set("reset", schemas.document(Schemas.Name.RESET));
        o.set("message", schemas.document(Schemas.Name.MESSAGE));
        return o;
    }

    private JsonNode reset(JsonNode body) {
        JsonNode request = protocol.checkedReset(without(body, "session_id"));
        ClientSession s = body.has("session_id") ? session(body.get("session_id").asText(), true)
                : registry.open(() -> { });
        ObjectNode result = protocol.result(s.reset(request));
        result.put("session_id", s.id());
        return result;
    }

    private JsonNode step(JsonNode body) {
        if (!body.has("session_id")) {
            throw new ProtocolError(ProtocolError.SESSION_ERROR, "An HTTP step needs the session_id that POST /reset "
                    + "answered with (or use the /ws WebSocket, one session per connection).");
        }
        if (!body.has("action") || !body.get("action").isObject()) {
            throw new ProtocolError(ProtocolError.VALIDATION_ERROR, "The body needs an 'action' object.");
        }
        ClientSession s = session(body.get("session_id").asText(), true);
        ObjectNode result = protocol.result(s.step(protocol.checkedAction(body.get("action"))));
        result.put("session_id", s.id());
        return result;
    }

    private JsonNode close(JsonNode body) {
        ClientSession s = session(body.path("session_id").asText(null), true);
        registry.close(s);
        return mapper.createObjectNode().put("session_id", s.id()).put("closed", true);
    }

    private ClientSession session(String id, boolean required) {
        if (id == null) {
            if (required) {
                throw new ProtocolError(ProtocolError.SESSION_ERROR, "The body needs the session_id of an open session.");
            }
            return null;
        }
        return registry.get(id).orElseThrow(() -> new ProtocolError(ProtocolError.SESSION_ERROR, "There is no open "
                + "session " + id + " (it was closed, or idle for too long); start one with POST /reset."));
    }

    private JsonNode body(Request request) throws java.io.IOException {
        String text = Content.Source.asString(request, StandardCharsets.UTF_8);
        return text.isBlank() ? mapper.createObjectNode() : protocol.parse(text);
    }

    private static JsonNode without(JsonNode body, String field) {
        ObjectNode copy = body.deepCopy();
        copy.remove(field);
        return copy;
    }
}
