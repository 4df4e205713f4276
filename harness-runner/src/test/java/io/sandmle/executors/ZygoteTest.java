package io.sandmle.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.sandmle.api.ExecResult;
import io.sandmle.api.Executor;
import io.sandmle.api.Limits;
import io.sandmle.api.Sandbox;
import io.sandmle.api.SandboxSpec;
import io.sandmle.executors.local.LocalExecutor;
import io.sandmle.executors.local.LocalOptions;
import io.sandmle.support.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A warm worker forked by the executor's zygote into an episode's sandbox sees exactly what a cold step sees
 * (mounts, ids, capabilities, environment, limits, network, descriptors, the libraries' import-time decisions), only its own episode's processes, and a
 * zygote killed mid-run is replaced by the next episode; a warm step ends as a fresh python ends a script.
 */
class ZygoteTest {

    /** What a step can observe of its sandbox, as JSON written to the work folder (no tail truncation). */
    private static final String VIEW = """
            import json, os, re, resource, signal, socket, sys
            status = dict(l.split(':', 1) for l in open('/proc/self/status').read().splitlines() if ':' in l)
            def network():
                try:
                    socket.create_connection(('1.1.1.1', 53), timeout=2).close()
                    return 'connected'
                except OSError as e:
                    return 'refused'
            # Decisions the libraries take at import time from what they find (joblib: can it make named semaphores in
            # /dev/shm; scikit-learn: how many OpenMP threads), made by the zygote before any sandbox exists.
            import joblib._multiprocessing_helpers as joblib_mp
            from sklearn.utils._openmp_helpers import _openmp_effective_n_threads
            from sklearn.linear_model import LogisticRegression
            from sklearn.model_selection import cross_val_score
            libraries = {'joblib_processes': joblib_mp.mp is not None, 'openmp_threads': _openmp_effective_n_threads(),
                         'cv_n_jobs_2': len(cross_val_score(LogisticRegression(), [[0], [1]] * 4, [0, 1] * 4, cv=2, n_jobs=2))}
            view = {
                'libraries': libraries,
                # Mount ids, parent ids and the device numbers of anonymous file systems (tmpfs, proc: 0:N, taken
                # from a pool every new mount on the host draws from) differ per sandbox; the rest must not.
                'mounts': [l.split(' ', 3)[3] for l in open('/proc/self/mountinfo').read().splitlines()],
                'ids': {k: status[k].split() for k in ('Uid', 'Gid', 'Groups', 'CapInh', 'CapPrm', 'CapEff',
                        'CapBnd', 'CapAmb', 'NoNewPrivs', 'Seccomp')},
                'env': dict(os.environ),
                'environ': sorted(open('/proc/self/environ').read().split('\\0')),
                'rlimits': {n: resource.getrlimit(getattr(resource, n)) for n in dir(resource) if n.startswith('RLIMIT_')},
                'interfaces': [name for _, name in socket.if_nameindex()],
                'network': network(),
                'cwd': os.getcwd(),
                'hostname': socket.gethostname(),
                'fds': sorted(int(fd) for fd in os.listdir('/proc/self/fd'))[:3],
                'path': sys.path,
                'cgroup': open('/proc/self/cgroup').read(),
                'tmp': sorted(os.listdir('/tmp')),
                'umask': os.umask(0o22),
                # SIGUSR1 neither blocked, ignored nor caught, whatever the worker's spare did with it while it waited
                # (warm_spare()). Only that signal: a cold step inherits the JVM's other masks, which no step relies on.
                'sigusr1': {k: bool(int(status[k], 16) >> (signal.SIGUSR1 - 1) & 1) for k in ('SigBlk', 'SigIgn', 'SigCgt')},
            }
            json.dump(view, open('view.json', 'w'))
            procs = {int(p): open('/proc/%s/cmdline' % p, 'rb').read().split(b'\\0')[0].decode()
                     for p in os.listdir('/proc') if p.isdigit()}
            json.dump({'warm': 'sklearn' in sys.modules, 'pidns': os.readlink('/proc/self/ns/pid'), 'me': os.getpid(),
                       'procs': procs}, open('where.json', 'w'))
            """;

    @TempDir
    Path tmp;

    @Test
    void aWorkerFromTheZygoteSeesExactlyWhatAColdStepSees() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("public"));
        Files.writeString(data.resolve("train.csv"), "id,y\n1,0\n");
        Path work = tmp.resolve("episode/work");
        JsonNode cold;
        try (LocalExecutor ex = new LocalExecutor(new LocalOptions(false, Duration.ofSeconds(120)));
             Sandbox sb = ex.open(new SandboxSpec(work, data, null, Limits.defaults(), false))) {
            cold = runView(sb, work).view();
        }
        try (LocalExecutor ex = new LocalExecutor(new LocalOptions(true, Duration.ofSeconds(30)));
             Sandbox sb = ex.open(new SandboxSpec(work, data, null, Limits.defaults(), false))) {
            // The agent answers at once, while the spare warms up, and after the warm-up ended (warm_spare()).
            Seen zygote = null;
            for (long thinkMillis : new long[] {0, 80, 1500}) {
                Thread.sleep(thinkMillis);
                Seen seen = runView(sb, work);
                assertTrue(seen.where().get("warm").asBoolean(), "the step ran on a warm worker: " + seen.where());
                cold.fieldNames().forEachRemaining(field -> assertEquals(cold.get(field), seen.view().get(field),
                        "after " + thinkMillis + " ms the zygote path's " + field + " differs from the cold path's"));
                zygote = seen;
            }
            assertTrue(zygotePid().isPresent(), "a zygote forked the worker");
            assertEquals("[\"lo\"]", zygote.view().get("interfaces").toString());
            assertEquals("refused", zygote.view().get("network").asText());
            assertEquals("0000000000000000", zygote.view().get("ids").get("CapBnd").get(0).asText());
            assertEquals("1", zygote.view().get("ids").get("NoNewPrivs").get(0).asText());
        }
    }

    /** A script that relies on what python does after its last line. */
    private static final String ENDING = """
            import atexit, sys, threading, time
            left_open = open('left-open.txt', 'w')
            left_open.write('flushed when python frees the globals')
            class Cycle:
                pass
            cycle = Cycle()
            cycle.self, cycle.file = cycle, open('in-a-cycle.txt', 'w')
            cycle.file.write('flushed if the cycle is collected')
            del cycle
            atexit.register(lambda: open('at-exit.txt', 'w').write('handler ran'))
            def later():
                time.sleep(0.3)
                open('thread.txt', 'w').write('thread finished')
            threading.Thread(target=later).start()
            print('last line, imported before:', 'sklearn' in sys.modules)
            """;

    @Test
    void aStepEndsOnTheWarmWorkerAsPythonEndsAScript() throws Exception {
        Map<String, String> cold = ending(false);
        Map<String, String> expected = new TreeMap<>(Map.of("left-open.txt", "flushed when python frees the globals",
                "at-exit.txt", "handler ran", "thread.txt", "thread finished"));
        // Whatever the cold path does with a file held only by a reference cycle (python 3.11 does not flush it),
        // the warm step must do the same.
        expected.put("in-a-cycle.txt", cold.get("in-a-cycle.txt"));
        assertEquals(expected, cold, "a cold step (a fresh python)");
        assertEquals(cold, ending(true), "the warm worker's step leaves what a fresh python leaves");
    }

    /** Runs {@link #ENDING} as a step (the second on a warm worker) and reads the files it left. */
    private Map<String, String> ending(boolean warm) throws Exception {
        Path work = tmp.resolve((warm ? "warm" : "cold") + "/work");
        try (LocalExecutor ex = new LocalExecutor(new LocalOptions(warm, Duration.ofSeconds(120)));
             Sandbox sb = ex.open(new SandboxSpec(work, null, null, Limits.defaults(), false))) {
            assertTrue(sb.run("print('first')").succeeded());
            ExecResult step = sb.run(ENDING);
            assertTrue(step.succeeded() && step.stdoutTail().contains("last line, imported before: " + (warm ? "True" : "False")),
                    step.toString());
        }
        Map<String, String> left = new TreeMap<>();
        for (String name : List.of("left-open.txt", "in-a-cycle.txt", "at-exit.txt", "thread.txt")) {
            Path file = work.resolve(name);
            left.put(name, Files.exists(file) ? Files.readString(file) : "(missing)");
        }
        return left;
    }

    @Test
    void twoEpisodesOnTheZygoteSeeOnlyTheirOwnProcesses() throws Exception {
        try (LocalExecutor ex = new LocalExecutor(new LocalOptions(true, Duration.ofSeconds(30)));
             Sandbox a = ex.open(new SandboxSpec(tmp.resolve("a/work"), null, null, Limits.defaults(), false));
             Sandbox b = ex.open(new SandboxSpec(tmp.resolve("b/work"), null, null, Limits.defaults(), false))) {
            JsonNode inA = runView(a, tmp.resolve("a/work")).where();
            JsonNode inB = runView(b, tmp.resolve("b/work")).where();
            assertTrue(inA.get("warm").asBoolean() && inB.get("warm").asBoolean(), inA + " / " + inB);
            assertNotEquals(inA.get("pidns"), inB.get("pidns"), "each episode has its own pid namespace");
            for (JsonNode seen : List.of(inA, inB)) {
                // bubblewrap's init, the placeholder, the worker and the step: no zygote, no other episode.
                assertEquals(4, seen.get("procs").size(), "processes visible to a step: " + seen.get("procs"));
                assertEquals("bwrap", Path.of(seen.get("procs").get("1").asText()).getFileName().toString());
                String all = seen.get("procs").toString();
                assertEquals(2, all.split("python3", -1).length - 1, "the worker and the step only: " + all);
            }
        }
    }

    @Test
    void aKilledZygoteIsReplacedByTheNextEpisodeAndRunningEpisodesGoOn() throws Exception {
        try (LocalExecutor ex = new LocalExecutor(new LocalOptions(true, Duration.ofSeconds(30)));
             Sandbox first = ex.open(new SandboxSpec(tmp.resolve("1/work"), null, null, Limits.defaults(), false))) {
            assertTrue(runView(first, tmp.resolve("1/work")).where().get("warm").asBoolean());
            ProcessHandle zygote = zygotePid().orElseThrow();
            zygote.destroyForcibly();
            zygote.onExit().get(10, TimeUnit.SECONDS);
            assertTrue(runView(first, tmp.resolve("1/work")).where().get("warm").asBoolean(),
                    "an episode's worker does not depend on the zygote once forked");
            try (Sandbox second = ex.open(new SandboxSpec(tmp.resolve("2/work"), null, null, Limits.defaults(), false))) {
                assertTrue(runView(second, tmp.resolve("2/work")).where().get("warm").asBoolean());
                ProcessHandle restarted = zygotePid().orElseThrow(() -> new AssertionError("no zygote after the kill"));
                assertNotEquals(zygote.pid(), restarted.pid());
            }
        }
    }

    @Test
    void theZygoteSettingFalseLetsEveryWorkerImportForItself() throws Exception {
        try (Executor ex = new LocalExecutor().withSettings(Map.of("zygote", "false"));
             Sandbox sb = ex.open(new SandboxSpec(tmp.resolve("own/work"), null, null, Limits.defaults(), false))) {
            assertTrue(runView(sb, tmp.resolve("own/work")).where().get("warm").asBoolean());
            assertTrue(zygotePid().isEmpty(), "no zygote with zygote: false");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LocalOptions.from(Map.of("zygote", "sometimes")));
        assertEquals("The local executor's zygote setting must be true or false, not 'sometimes'.", e.getMessage());
    }

    private record Seen(JsonNode view, JsonNode where) {
    }

    private static Seen runView(Sandbox sandbox, Path work) throws Exception {
        ExecResult step = sandbox.run(VIEW);
        assertTrue(step.succeeded(), step.toString());
        return new Seen(Json.MAPPER.readTree(Files.readString(work.resolve("view.json"))),
                Json.MAPPER.readTree(Files.readString(work.resolve("where.json"))));
    }

    /** The zygote this JVM started, if one is running. */
    private static Optional<ProcessHandle> zygotePid() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(a -> a.length > 0 && "zygote".equals(a[a.length - 1])).orElse(false))
                .findFirst();
    }
}
