package io.sandmle.executors.slurm.pool;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sandmle.api.ExecResult;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxException;
import io.sandmle.executors.local.LocalExecutor;
import io.sandmle.executors.local.LocalOptions;
import io.sandmle.executors.slurm.JobGpus;
import io.sandmle.support.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The program a pilot job runs on its node: it opens a {@link LocalExecutor} there (the same bubblewrap,
 * cgroups and warm workers as a local run) and serves episodes to the harness over HTTP until cancelled:
 * {@code POST /episodes} opens one ({@link PoolWire.Spec}), {@code POST /episodes/<id>/steps} runs the body as a
 * step and answers its {@link ExecResult}, {@code DELETE /episodes/<id>} closes it, {@code GET /health} counts
 * them. Every request must carry the pool's token. The sandboxes' processes die with the agent (bubblewrap's
 * --die-with-parent), and an agent the harness has not called for {@code orphanAfter} exits by itself.
 *
 * <p>Its episodes share the GPUs Slurm gave the pilot job and no others ({@link JobGpus#forPilot}), each its own as
 * on a local run.
 *
 * <p>Arguments: {@code <pool folder> <registration name> <orphan-after seconds> <device folder>}; the token comes in
 * {@value PoolWire#TOKEN_ENV}.
 */
public final class PoolAgent {

    private final LocalExecutor executor;
    private final Map<String, Sandbox> episodes = new ConcurrentHashMap<>();
    private final byte[] token;
    private final Duration orphanAfter;
    private volatile long lastCall = System.nanoTime();

    private PoolAgent(byte[] token, Duration orphanAfter, Path gpuDevices) {
        this.token = token;
        this.orphanAfter = orphanAfter;
        this.executor = new LocalExecutor(LocalOptions.fromEnvironment(), JobGpus.forPilot(System.getenv(), gpuDevices));
    }

    public static void main(String[] args) throws Exception {
        String token = System.getenv(PoolWire.TOKEN_ENV);
        if (args.length != 4 || token == null || token.isEmpty()) {
            System.err.println("usage: PoolAgent <pool folder> <registration name> <orphan-after seconds> <device "
                    + "folder>, with the token in " + PoolWire.TOKEN_ENV + "; the slurm pool starts it, not people.");
            System.exit(2);
        }
        PoolAgent agent = new PoolAgent(token.getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(Long.parseLong(args[2])), Path.of(args[3]));
        agent.serve(Path.of(args[0]), args[1]);
    }

    private void serve(Path poolDir, String name) throws IOException, InterruptedException {
        InetAddress address = nodeAddress();
        HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
        // scancel sends SIGTERM first: idle sandboxes close with their cgroups; one mid-step (its close waits for
        // the step) is left to Slurm's SIGKILL, after which bubblewrap's --die-with-parent ends its processes.
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll));
        register(poolDir, name, new PoolWire.Registration("http://" + address.getHostAddress() + ":"
                + server.getAddress().getPort(), address.getHostName(), ProcessHandle.current().pid()));
        while (System.nanoTime() - lastCall < orphanAfter.toNanos()) {
            Thread.sleep(1000);
        }
        System.err.println("pool agent: no call from the harness for " + orphanAfter.toSeconds() + " s; exiting.");
        System.exit(0);
    }

    /**
     * The address the harness can reach this node at: the host name's, unless that is a loopback address (as
     * Debian's /etc/hosts gives), then the first site-local address of an interface that is up.
     */
    private static InetAddress nodeAddress() throws IOException {
        InetAddress named = InetAddress.getLocalHost();
        if (!named.isLoopbackAddress()) {
            return named;
        }
        for (NetworkInterface nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                    if (a.isSiteLocalAddress()) {
                        return a;
                    }
                }
            }
        }
        return named;
    }

    /** Written under a temporary name and moved, so the harness never reads half a registration. */
    private static void register(Path poolDir, String name, PoolWire.Registration registration) throws IOException {
        Path tmp = poolDir.resolve(name + ".tmp");
        Files.writeString(tmp, Json.write(registration));
        Files.move(tmp, poolDir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String given = exchange.getRequestHeaders().getFirst(PoolWire.TOKEN_HEADER);
            if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
                reply(exchange, 403, "{\"error\":\"wrong pool token\"}");
                return;
            }
            lastCall = System.nanoTime();
            try {
                route(exchange);
            } catch (SandboxException | RuntimeException e) {
                reply(exchange, 500, Json.write(Map.of("error", String.valueOf(e.getMessage()))));
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException, SandboxException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        String method = exchange.getRequestMethod();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (method.equals("GET") && path.length == 2 && path[1].equals("health")) {
            reply(exchange, 200, Json.write(new PoolWire.Health(episodes.size())));
        } else if (method.equals("POST") && path.length == 2 && path[1].equals("episodes")) {
            PoolWire.Spec spec = Json.MAPPER.readValue(body, PoolWire.Spec.class);
            String id = UUID.randomUUID().toString();
            episodes.put(id, executor.open(spec.toSpec()));
            reply(exchange, 200, Json.write(new PoolWire.Opened(id)));
        } else if (method.equals("POST") && path.length == 4 && path[3].equals("steps")) {
            Sandbox sandbox = episodes.get(path[2]);
            if (sandbox == null) {
                reply(exchange, 404, "{\"error\":\"no such episode\"}");
                return;
            }
            reply(exchange, 200, Json.write(sandbox.run(new String(body, StandardCharsets.UTF_8))));
        } else if (method.equals("DELETE") && path.length == 3) {
            Sandbox sandbox = episodes.remove(path[2]);
            if (sandbox != null) {
                sandbox.close();
            }
            reply(exchange, 200, "{}");
        } else {
            reply(exchange, 404, "{\"error\":\"no such call\"}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void closeAll() {
        episodes.values().forEach(Sandbox::close);
        episodes.clear();
        executor.close();
    }
}
