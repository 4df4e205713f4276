package io.sandmle.cli;

import io.sandmle.envserver.EnvServer;
import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.run.Experiment;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sandmle env-server --config <yaml> [--port N]}: serves the config's tasks to RL engines (OpenEnv's
 * protocol on {@code /ws} and HTTP, the rollout service on {@code POST /rollouts}) until stopped with Ctrl-C
 * or SIGTERM; every episode is recorded in the config's run folder, which {@code sandmle report} reads.
 */
@Command(name = "env-server", mixinStandardHelpOptions = true,
        description = "Serve the config's tasks to RL engines: OpenEnv's environment protocol (WebSocket /ws, "
                + "HTTP /reset /step /state /schema /metadata /health) and the remote rollout service "
                + "(POST /rollouts); episodes are recorded in the run folder.")
public final class EnvServerCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "<yaml>", description = "The experiment config.")
    Path config;

    @Option(names = "--port", paramLabel = "<n>", description = "Listen on this port (default: server.port, 8000; "
            + "0 picks a free one).")
    Integer port;

    @Mixin
    PluginPathOption pluginPath;

    @Override
    public Integer call() throws Exception {
        ExperimentConfig loaded = ConfigLoader.load(config);
        ExperimentConfig served = port == null ? loaded : loaded.withServer(loaded.server().withPort(port));
        CountDownLatch stopped = new CountDownLatch(1);
        try (Experiment experiment = Experiment.open(served, pluginPath.load());
             EnvServer server = EnvServer.start(experiment)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                    experiment.close();
                } catch (Exception e) {
                    System.err.println("sandmle: stopping the server: " + e.getMessage());
                } finally {
                    stopped.countDown();
                }
            }, "env-server-stop"));
            System.out.println("sandmle env-server: listening on " + server.webSocketUrl() + " (HTTP on the same port); "
                    + "run folder " + served.runDir() + ". Stop with Ctrl-C.");
            System.out.flush();
            stopped.await();
        }
        return SandmleCommand.OK;
    }
}
