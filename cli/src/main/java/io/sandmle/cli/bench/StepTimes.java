package io.sandmle.cli.bench;

import io.sandmle.support.Quantiles;
import io.sandmle.support.doubles.MicroTask;

import io.sandmle.api.ExecResult;
import io.sandmle.api.Executor;
import io.sandmle.api.Limits;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxException;
import io.sandmle.api.SandboxSpec;
import io.sandmle.executors.local.LocalExecutor;
import io.sandmle.executors.local.LocalOptions;
import io.sandmle.executors.slurm.SlurmExecutor;
import io.sandmle.executors.slurm.SlurmOptions;
import io.sandmle.executors.slurm.pool.PoolOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the wall time of one micro-task step (150 rows, a random forest, writes submission.csv) five
 * ways in one run: bare {@code /usr/bin/python3 script.py} (the baseline), the same fit repeated inside
 * one already-warm interpreter (the floor a warm worker can reach), a cold sandboxed step, a warm-worker
 * step, and a Slurm step (one batch job) and a Slurm warm-pool step (a pilot's warm worker) when a cluster
 * answers, with the pool's start-up time. Each variant gets one unmeasured warm-up run.
 */
final class StepTimes {

    static final String BARE = "bare python";
    static final String FIT = "in-process fit (floor)";
    static final String COLD = "cold sandbox step";
    static final String WARM = "warm worker step";
    static final String SLURM = "slurm step";
    static final String SLURM_POOL = "slurm warm pool step";
    static final String EMPTY_BARE = "bare python, empty script";
    static final String EMPTY_COLD = "cold sandbox, empty script";
    static final String EMPTY_WARM = "warm worker, empty script";

    private static final String PYTHON = SandboxSpec.DEFAULT_PYTHON;
    private static final String EMPTY = "print('ok')\n";

    private final int repeats;
    private final boolean slurm;

    StepTimes(int repeats, boolean slurm) {
        this.repeats = repeats;
        this.slurm = slurm;
    }

    /**
     * Medians per variant, in run order, plus a note when a variant was skipped.
     *
     * @param poolStartupMillis how long the Slurm warm pool's first episode took to open (a pilot submitted,
     *                          scheduled, its agent started and registered), or {@code null} without Slurm
     */
    record Report(Map<String, Double> medians, List<String> notes, Double poolStartupMillis) {

        /** The detail: every variant's median, its ratio to and difference from bare python, and the notes. */
        String table() {
            double bare = medians.get(BARE);
            StringBuilder s = new StringBuilder(String.format("%-26s %10s %10s %12s%n", "variant", "median ms",
                    "x bare", "minus bare"));
            medians.forEach((name, ms) -> s.append(String.format("%-26s %10.1f %10.2f %12.1f%n", name, ms, ms / bare,
                    ms - bare)));
            if (poolStartupMillis != null) {
                s.append(String.format("slurm warm pool start-up: %.2f s (first episode opened)%n",
                        poolStartupMillis / 1000));
            }
            notes.forEach(n -> s.append("note: ").append(n).append('\n'));
            return s.toString();
        }
    }

    /** One way of running the step; returns its wall time in milliseconds. */
    @FunctionalInterface
    private interface Variant {
        double runOnce() throws Exception;
    }

    /**
     * Warms every variant up once, then runs them round-robin {@code repeats} times, so that load from
     * elsewhere on the machine falls on all variants alike; {@code tmp} holds the task and the sandboxes' folders.
     */
    Report run(Path tmp) throws Exception {
        MicroTask micro = MicroTask.create(tmp.resolve("task"));
        String script = MicroTask.randomForestScript();
        List<String> notes = new ArrayList<>();
        Map<String, Variant> variants = new LinkedHashMap<>();
        List<AutoCloseable> open = new ArrayList<>();
        Double poolStartup = null;
        try {
            variants.put(BARE, bare(tmp, "script.py", hostPaths(script, micro)));
            variants.put(FIT, inProcess(tmp, micro, script, open));
            Sandbox cold = open(new LocalExecutor(new LocalOptions(false, Duration.ZERO)), tmp.resolve("cold"), micro, open);
            variants.put(COLD, step(cold, script));
            LocalExecutor warmExecutor = new LocalExecutor(new LocalOptions(true, Duration.ofSeconds(120)));
            Sandbox warm = warmExecutor.servesWarm() ? open(warmExecutor, tmp.resolve("warm"), micro, open) : null;
            if (warm != null) {
                variants.put(WARM, step(warm, script));
            } else {
                notes.add("warm workers unavailable here (they need bubblewrap and writable cgroups)");
            }
            if (slurm) {
                try {
                    variants.put(SLURM, step(open(new SlurmExecutor(SlurmOptions.fromEnvironment()),
                            tmp.resolve("slurm"), micro, open), script));
                    SlurmOptions pool = SlurmOptions.fromEnvironment().withPool(PoolOptions.from(Map.of("max-agents", "1",
                            "pool-dir", tmp.resolve("pools").toString())));
                    long t = System.nanoTime();
                    Sandbox pooled = open(new SlurmExecutor(pool), tmp.resolve("slurm-pool"), micro, open);
                    poolStartup = (System.nanoTime() - t) / 1e6;
                    variants.put(SLURM_POOL, step(pooled, script));
                } catch (SandboxException e) {
                    notes.add("slurm skipped: " + e.getMessage());
                }
            }
            // The same with an empty script isolates the harness's own overhead from the import and the fit.
            variants.put(EMPTY_BARE, bare(tmp, "empty.py", EMPTY));
            variants.put(EMPTY_COLD, step(cold, EMPTY));
            if (warm != null) {
                variants.put(EMPTY_WARM, step(warm, EMPTY));
            }
            Map<String, List<Double>> times = new LinkedHashMap<>();
            for (Map.Entry<String, Variant> v : variants.entrySet()) {
                v.getValue().runOnce();
                times.put(v.getKey(), new ArrayList<>());
            }
            for (int i = 0; i < repeats; i++) {
                for (Map.Entry<String, Variant> v : variants.entrySet()) {
                    times.get(v.getKey()).add(v.getValue().runOnce());
                }
            }
            Map<String, Double> medians = new LinkedHashMap<>();
            times.forEach((name, xs) -> medians.put(name, Quantiles.median(xs)));
            return new Report(medians, notes, poolStartup);
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                open.get(i).close();
            }
        }
    }

    private static Variant bare(Path tmp, String name, String content) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bare"));
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return () -> {
            long t = System.nanoTime();
            Process p = new ProcessBuilder(PYTHON, file.toString()).directory(dir.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("the bare baseline script failed; is python3-sklearn installed?");
            }
            return (System.nanoTime() - t) / 1e6;
        };
    }

    /** The script body timed inside one interpreter that imported everything already (one run per input line). */
    private static Variant inProcess(Path tmp, MicroTask micro, String script, List<AutoCloseable> open)
            throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("inprocess"));
        Files.writeString(dir.resolve("body.py"), hostPaths(script, micro));
        String driver = "import sys, time, io, contextlib\n"
                + "code = compile(open('body.py').read(), 'body.py', 'exec')\n"
                + "for line in sys.stdin:\n"
                + "    t = time.perf_counter()\n"
                + "    with contextlib.redirect_stdout(io.StringIO()):\n"
                + "        exec(code, {'__name__': '__main__'})\n"
                + "    print((time.perf_counter() - t) * 1000, flush=True)\n";
        Process p = new ProcessBuilder(PYTHON, "-c", driver).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        open.add(p::destroyForcibly);
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        var out = new java.io.PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8);
        return () -> {
            out.println("run");
            String line = in.readLine();
            if (line == null) {
                throw new IllegalStateException("the in-process baseline failed");
            }
            return Double.parseDouble(line);
        };
    }

    private static Sandbox open(Executor executor, Path episode, MicroTask micro, List<AutoCloseable> open)
            throws SandboxException {
        Limits limits = Limits.defaults().withWallTime(Duration.ofSeconds(120));
        Sandbox sb = executor.open(new SandboxSpec(episode.resolve("work"), micro.task().publicDir(), PYTHON, limits,
                false));
        open.add(executor);
        open.add(sb);
        return sb;
    }

    private static Variant step(Sandbox sb, String script) {
        return () -> {
            long t = System.nanoTime();
            ExecResult r = sb.run(script);
            if (!r.succeeded()) {
                throw new IllegalStateException("a benchmark step failed: " + r.stderrTail() + " " + r.killedReason());
            }
            return (System.nanoTime() - t) / 1e6;
        };
    }

    private static String hostPaths(String script, MicroTask micro) {
        return script.replace("/data/", micro.task().publicDir().toAbsolutePath() + "/");
    }

}
