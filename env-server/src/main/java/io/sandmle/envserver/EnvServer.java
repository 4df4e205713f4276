package io.sandmle.envserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sandmle.runner.config.ServerConfig;
import io.sandmle.runner.run.Experiment;
import io.sandmle.runner.run.Provenance;
import io.sandmle.support.Json;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * {@code sandmle env-server}: serves an opened {@link Experiment} to RL engines over OpenEnv's protocol
 * ({@code /ws} sessions and the HTTP routes) and the rollout service ({@code POST /rollouts}), on Jetty.
 * Every episode runs on the experiment's executor and is recorded in its run store.
 */
public final class EnvServer implements AutoCloseable {

    /** The largest WebSocket message taken; bigger actions still get an answer from the code-size check. */
    private static final long MAX_MESSAGE_BYTES = 64L << 20;

    private final Server jetty;
    private final SessionRegistry registry;
    private final ExecutorService workers;
    private final ServerConnector connector;
    private final String host;

    private EnvServer(Server jetty, ServerConnector connector, SessionRegistry registry, ExecutorService workers,
                      String host) {
        this.jetty = jetty;
        this.connector = connector;
        this.registry = registry;
        this.workers = workers;
        this.host = host;
    }

    /** Starts serving {@code experiment} as its {@code server:} section says; returns once listening. */
    public static EnvServer start(Experiment experiment) throws Exception {
        ServerConfig config = experiment.config().server();
        experiment.reward(config.reward()); // an unknown reward name stops the start with its one sentence
        ObjectMapper mapper = Json.MAPPER;
        TaskCatalog catalog = TaskCatalog.load(experiment.config(), experiment.extensions());
        Schemas schemas = new Schemas(mapper);
        SessionRegistry registry = new SessionRegistry(config.maxSessions(), config.idleTimeout(),
                new EpisodeOpener(experiment, catalog));
        Protocol protocol = new Protocol(schemas, mapper, config.maxCodeBytes().bytes(), registry);
        ExecutorService workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "env-server-session");
            t.setDaemon(true);
            return t;
        });
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(200, 4 * config.maxSessions()));
        threads.setName("env-server-http");
        Server jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(config.host());
        connector.setPort(config.port());
        jetty.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler websocket = WebSocketUpgradeHandler.from(jetty, context, container -> {
            container.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
            // The registry's reaper owns idleness (it records the episode); Jetty's own timeout stays above it.
            container.setIdleTimeout(config.idleTimeout().plus(Duration.ofMinutes(1)));
            container.addMapping("/ws", (request, response, callback) -> new WsEndpoint(registry, protocol, workers));
        });
        websocket.setHandler(new HttpRoutes(protocol, registry, new RolloutService(experiment, catalog, mapper),
                schemas, metadata(mapper, catalog, config), mapper));
        context.setHandler(websocket);
        jetty.setHandler(context);
        jetty.start();
        return new EnvServer(jetty, connector, registry, workers, config.host());
    }

    /** What {@code GET /metadata} says: OpenEnv's name/description/version, the actions and the tasks by split. */
    private static ObjectNode metadata(ObjectMapper mapper, TaskCatalog catalog, ServerConfig config) {
        ObjectNode m = mapper.createObjectNode();
        m.put("name", "sandmle");
        m.put("description", "Micro-scale machine-learning-engineering tasks (SandMLE): write and run Python on a "
                + "small tabular, text, image, audio, graph or time-series dataset in a sandbox, then submit "
                + "predictions graded as MLE-bench and MLE-Dojo grade them.");
        m.put("version", Provenance.currentVersion());
        m.set("actions", mapper.valueToTree(EpisodeSession.ACTIONS));
        m.put("reward", config.reward());
        m.put("max_sessions", config.maxSessions());
        ArrayNode tasks = m.putArray("tasks");
        for (TaskCatalog.Entry e : catalog.all()) {
            tasks.addObject().put("task_id", e.task().id()).put("suite", e.suite()).put("split", e.split())
                    .put("metric", e.task().metric()).put("modality", String.valueOf(e.task().modality()));
        }
        return m;
    }

    /** The port it listens on (the configured one, or the one picked for port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Where a client connects: {@code ws://host:port/ws}. */
    public String webSocketUrl() {
        return "ws://" + host + ":" + port() + "/ws";
    }

    /** Sessions open now. */
    public int activeSessions() {
        return registry.active();
    }

    /** Stops taking connections and closes every session (unfinished episodes are recorded as abandoned). */
    @Override
    public void close() throws Exception {
        try {
            jetty.stop();
        } finally {
            registry.close();
            workers.shutdownNow();
        }
    }
}
