package io.sandmle.runner.config;

/** A config the user must fix; the message is one sentence naming the file, the line and the fix. */
public class ConfigException extends IllegalArgumentException {

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
