package io.sandmle.envserver;

/**
 * A message the server answers with an {@code error} instead of a result; the session goes on. Codes follow
 * OpenEnv's WebSocket error codes, plus {@code EPISODE_DONE}, {@code NO_EPISODE} and {@code UNKNOWN_TASK}.
 */
final class ProtocolError extends RuntimeException {

    static final String INVALID_JSON = "INVALID_JSON";
    static final String UNKNOWN_TYPE = "UNKNOWN_TYPE";
    static final String VALIDATION_ERROR = "VALIDATION_ERROR";
    static final String EXECUTION_ERROR = "EXECUTION_ERROR";
    static final String CAPACITY_REACHED = "CAPACITY_REACHED";
    static final String SESSION_ERROR = "SESSION_ERROR";
    static final String EPISODE_DONE = "EPISODE_DONE";
    static final String NO_EPISODE = "NO_EPISODE";
    static final String UNKNOWN_TASK = "UNKNOWN_TASK";

    private final String code;

    ProtocolError(String code, String sentence) {
        super(sentence);
        this.code = code;
    }

    String code() {
        return code;
    }
}
