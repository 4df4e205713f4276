package io.sandmle.api;

/** The sandbox itself failed (not the agent's code): missing tool, cluster down, bad config. */
public class SandboxException extends Exception {

    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
