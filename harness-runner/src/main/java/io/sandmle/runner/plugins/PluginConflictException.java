package io.sandmle.runner.plugins;

/** Two plugins claimed the same name for the same kind of extension. */
public class PluginConflictException extends RuntimeException {

    public PluginConflictException(String message) {
        super(message);
    }
}
