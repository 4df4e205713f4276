package io.sandmle.cli.bench;

import io.sandmle.api.Budget;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.MleEnvironment;
import io.sandmle.api.Task;
import io.sandmle.api.TaskSuite;
import io.sandmle.envserver.EnvServer;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.config.ServerConfig;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.run.Experiment;
import io.sandmle.support.Quantiles;
import io.sandmle.support.doubles.MicroTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the environment server costs on top of the environment, on a micro task with the local sandbox: the
 * per-step protocol overhead (the same code step over {@code /ws} and called on the environment directly,
 * both warm, in the same run), whole sessions per minute at a given concurrency, and the memory an idle
 * session holds (its warm worker included).
 */
final class EnvServerMeasurements {

    /** The step both paths time: code that does nothing, so the difference is the path, not the work. */
    private static final String NOOP_STEP = "x = 1\n";
    private static final String SUBMIT_SAMPLE = "import shutil\nshutil.copy('/data/sample_submission.csv', 'submission.csv')\n";

    /**
     * @param wsStepMillis     median round trip of the step over /ws
     * @param directStepMillis median of the same step on the environment directly
     * @param sessionsPerMinute whole sessions (reset, a code step, submit) finished per minute
     * @param concurrency      sessions at once for the throughput figure
     * @param idleSessionMb    resident memory per open idle session (harness JVM and sandbox processes)
     */
    record Figures(double wsStepMillis, double directStepMillis, double sessionsPerMinute, int concurrency,
                   double idleSessionMb) {
        double overheadMillis() {
            return wsStepMillis - directStepMillis;
        }
    }

    private EnvServerMeasurements() {
    }

    static Figures measure(Extensions extensions, Path work, int steps, int concurrency, int sessionsEach,
                           int idleSessions) throws Exception {
        Path tasks = work.resolve("tasks");
        MicroTask.create(tasks.resolve("micro-task"));
        ExperimentConfig config = ExperimentConfig.builder("bench-env-server").runsDir(work.resolve("runs"))
                .suite("synthetic", tasks, List.of()).executor("local", concurrency)
                .budget(100_000, Duration.ofHours(1), Duration.ofMinutes(1))
                .server(new ServerConfig("127.0.0.1", 0, concurrency + idleSessions + 2, Duration.ofHours(1), "dense",
                        0.0, null))
                .build();
        try (Experiment experiment = Experiment.open(config, extensions);
             EnvServer server = EnvServer.start(experiment)) {
            double ws = wsStepMillis(server.webSocketUrl(), steps);
            double direct = directStepMillis(experiment, tasks, work.resolve("direct"), steps);
            double perMinute = sessionsPerMinute(server.webSocketUrl(), concurrency, sessionsEach);
            double idleMb = idleSessionMb(server.webSocketUrl(), idleSessions);
            return new Figures(ws, direct, perMinute, concurrency, idleMb);
        }
    }

    private static double wsStepMillis(String url, int steps) throws Exception {
        try (BlockingWebSocket ws = BlockingWebSocket.connect(url)) {
            ws.ask("{\"type\":\"reset\",\"data\":{\"system\":\"bench\"}}");
            String step = "{\"type\":\"step\",\"data\":{\"action\":\"python\",\"params\":{\"code\":\"x = 1\\n\"}}}";
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < steps + 3; i++) {
                long t = System.nanoTime();
                String answer = ws.ask(step);
                if (!answer.contains("\"observation\"")) {
                    throw new IllegalStateException("The server refused the benchmark's step: " + answer);
                }
                if (i >= 3) { // the first steps wait for the warm worker
                    times.add((System.nanoTime() - t) / 1e6);
                }
            }
            return Quantiles.median(times);
        }
    }

    private static double directStepMillis(Experiment experiment, Path tasks, Path episodeDir, int steps)
            throws Exception {
        TaskSuite suite = experiment.extensions().create(ExtensionKind.SUITE, "synthetic");
        Task task = suite.load(tasks, Map.of()).get(0);
        Budget budget = experiment.config().budget().toBudget();
        List<Double> times = new ArrayList<>();
        try (MleEnvironment env = experiment.environments().open(task, suite.grader(task), episodeDir, budget)) {
            for (int i = 0; i < steps + 3; i++) {
                long t = System.nanoTime();
                env.python(NOOP_STEP);
                if (i >= 3) {
                    times.add((System.nanoTime() - t) / 1e6);
                }
            }
        }
        return Quantiles.median(times);
    }

    private static double sessionsPerMinute(String url, int concurrency, int sessionsEach) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        String python = "{\"type\":\"step\",\"data\":{\"action\":\"python\",\"params\":{\"code\":"
                + io.sandmle.support.Json.write(SUBMIT_SAMPLE) + "}}}";
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                running.add(clients.submit(() -> {
                    try (BlockingWebSocket ws = BlockingWebSocket.connect(url)) {
                        for (int s = 0; s < sessionsEach; s++) {
                            ws.ask("{\"type\":\"reset\",\"data\":{\"system\":\"bench-throughput\"}}");
                            ws.ask(python);
                            String end = ws.ask("{\"type\":\"step\",\"data\":{\"action\":\"submit\"}}");
                            if (!end.contains("\"done\":true")) {
                                throw new IllegalStateException("A benchmark session did not end: " + end);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        double minutes = (System.nanoTime() - start) / 6e10;
        return concurrency * sessionsEach / minutes;
    }

    private static double idleSessionMb(String url, int sessions) throws Exception {
        System.gc();
        long before = residentBytes();
        List<BlockingWebSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < sessions; i++) {
                BlockingWebSocket ws = BlockingWebSocket.connect(url);
                open.add(ws);
                ws.ask("{\"type\":\"reset\",\"data\":{\"system\":\"bench-idle\"}}");
            }
            Thread.sleep(5_000); // the warm workers finish importing numpy, pandas and scikit-learn
            System.gc();
            return (residentBytes() - before) / (double) sessions / (1 << 20);
        } finally {
            open.forEach(BlockingWebSocket::close);
        }
    }

    /** Resident memory of this JVM and every process it started (the sandboxes' workers). */
    private static long residentBytes() throws Exception {
        long total = rss(ProcessHandle.current().pid());
        for (ProcessHandle h : ProcessHandle.current().descendants().toList()) {
            total += rss(h.pid());
        }
        return total;
    }

    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // The process ended between listing and reading: it holds no memory any more.
        }
        return 0;
    }
}
