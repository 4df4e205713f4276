package io.sandmle.runner.config;

import java.time.Duration;

/**
 * How {@code sandmle env-server} serves the experiment's tasks to an RL engine.
 *
 * @param host            the address to listen on (default {@code 127.0.0.1}; {@code 0.0.0.0} for a cluster)
 * @param port            the port (default 8000, where OpenEnv clients look)
 * @param maxSessions     episodes open at once; one more is refused with a capacity error (default 64)
 * @param idleTimeout     a session with no message for this long is closed and recorded as abandoned (default 10m)
 * @param reward          the reward function's registry name (default {@code dense}; {@code dense-paper},
 *                        {@code sparse}, {@code human-rank}, {@code score} or a plugin's)
 * @param validationShare the share of each suite's tasks (the last ones in id order) that form the
 *                        {@code validation} split; the rest is {@code train} (default 0.2)
 * @param maxCodeBytes    the largest code string an action may carry (default 1m)
 */
public record ServerConfig(String host, Integer port, Integer maxSessions, Duration idleTimeout, String reward,
                           Double validationShare, ByteSize maxCodeBytes) {

    public ServerConfig {
        host = Checks.orDefault(host, "127.0.0.1");
        port = Checks.orDefault(port, 8000);
        Checks.require(port >= 0 && port <= 65535, "port", "server port must be between 0 and 65535 (0 picks a free one)");
        maxSessions = Checks.orDefault(maxSessions, 64);
        Checks.require(maxSessions >= 1, "max-sessions", "server max-sessions must be 1 or more");
        idleTimeout = Checks.orDefault(idleTimeout, Duration.ofMinutes(10));
        Checks.require(!idleTimeout.isNegative() && !idleTimeout.isZero(), "idle-timeout",
                "server idle-timeout must be positive");
        reward = Checks.orDefault(reward, "dense");
        validationShare = Checks.orDefault(validationShare, 0.2);
        Checks.require(validationShare >= 0 && validationShare < 1, "validation-share",
                "server validation-share must be at least 0 and below 1");
        maxCodeBytes = Checks.orDefault(maxCodeBytes, new ByteSize(1L << 20));
        Checks.require(maxCodeBytes.bytes() > 0, "max-code-bytes", "server max-code-bytes must be positive");
    }

    static ServerConfig defaults() {
        return new ServerConfig(null, null, null, null, null, null, null);
    }

    /** This section listening on another port (the command line's {@code --port}). */
    public ServerConfig withPort(int otherPort) {
        return new ServerConfig(host, otherPort, maxSessions, idleTimeout, reward, validationShare, maxCodeBytes);
    }
}
