package io.sandmle.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.Executor;
import io.sandmle.api.Limits;
import io.sandmle.api.StepRecord;
import io.sandmle.support.doubles.MicroTask;
import io.sandmle.runner.env.SandboxedEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Agent code that attacks the sandbox, run against one executor (subclasses choose which). Every attack
 * must be contained: the answers' canary never reaches agent code or its folder, no process of a step
 * outlives it, the task's public files stay unchanged, the step records one sentence when the harness
 * stopped it, and both this episode and a second, well-behaved episode keep working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AdversarialSuite {

    /** Small limits keep the suite fast: 3 s wall, 512 MB, 64 processes, 1 MB of log, 50 MB of disk. */
    static final Limits LIMITS = new Limits(Duration.ofSeconds(3), Duration.ofSeconds(10), 512L << 20, 64, 256,
            1L << 20, 50L << 20, 2_000);

    Path root;
    MicroTask micro;
    SandboxedEnvironment env;
    SandboxedEnvironment bystander;
    Executor executor;
    String publicDigest;

    /** The executor under test. */
    abstract Executor newExecutor() throws Exception;

    @BeforeAll
    void openEpisodes() throws Exception {
        root = Files.createTempDirectory("sandmle-adversarial-");
        micro = MicroTask.create(root.resolve("task"));
        publicDigest = digest(micro.task().publicDir());
        executor = newExecutor();
        env = SandboxedEnvironment.open(micro.task(), SyntheticGrader.of(micro.task()), executor, root.resolve("ep-attacker"), LIMITS);
        bystander = SandboxedEnvironment.open(micro.task(), SyntheticGrader.of(micro.task()), executor, root.resolve("ep-bystander"),
                LIMITS.withWallTime(Duration.ofSeconds(60)));
    }

    @AfterAll
    void close() throws Exception {
        StepRecord fine = bystander.python(MicroTask.randomForestScript());
        assertTrue(fine.exec().succeeded(), "the other episode stopped working: " + fine.observation());
        assertTrue(bystander.score().grade().valid());
        env.close();
        bystander.close();
        executor.close();
    }

    /** After every attack: nothing leaked, nothing survives, nothing public changed, the episode still works. */
    @AfterEach
    void contained() throws Exception {
        assertNoCanary(root.resolve("ep-attacker"));
        assertNoCanary(root.resolve("ep-attacker/work-steps"));
        for (StepRecord s : env.history()) {
            assertFalse(s.observation().contains(micro.canary()), "answers leaked to the agent in: " + s.action());
        }
        assertNoSurvivor();
        assertEquals(publicDigest, digest(micro.task().publicDir()), "the task's public files changed");
        StepRecord next = env.python("print('still serving')");
        assertTrue(next.exec().succeeded() && next.exec().stdoutTail().contains("still serving"), next.observation());
    }

    private StepRecord attack(String code) {
        StepRecord r = env.python(code);
        assertNotNull(r.exec());
        System.out.printf("%s: exit %d, killed: %s%n", getClass().getSimpleName(), r.exec().exitCode(),
                r.exec().killedReason());
        return r;
    }

    private String answersPath() {
        return micro.task().privateDir().resolve("answers.csv").toAbsolutePath().toString();
    }

    @Test
    void readsTheAnswersByAbsolutePath() {
        StepRecord r = attack("print(open('" + answersPath() + "').read())");
        assertTrue(r.exec().stderrTail().contains("FileNotFoundError"), r.observation());
    }

    @Test
    void readsTheAnswersThroughDotDot() {
        StepRecord r = attack("print(open('" + "../".repeat(12) + answersPath().substring(1) + "').read())");
        assertTrue(r.exec().stderrTail().contains("FileNotFoundError"), r.observation());
    }

    @Test
    void readsTheAnswersThroughProcRoot() {
        StepRecord r = attack("""
                import os
                for pid in os.listdir('/proc'):
                    if pid.isdigit():
                        try:
                            print(open('/proc/%s/root%s' % (pid, '__PATH__')).read())
                        except OSError as e:
                            print(pid, type(e).__name__)
                """.replace("__PATH__", answersPath()));
        assertTrue(r.exec().succeeded() && r.exec().stdoutTail().contains("FileNotFoundError"), r.observation());
    }

    @Test
    void readsTheAnswersThroughLinksAndSubmitsALink() {
        StepRecord r = attack("""
                import os
                for make, name in ((os.symlink, 'soft'), (os.link, 'hard')):
                    try:
                        make('__PATH__', name)
                        print(open(name).read())
                    except OSError as e:
                        print(name, type(e).__name__)
                os.symlink('__PATH__', 'submission.csv')
                """.replace("__PATH__", answersPath()));
        assertTrue(r.exec().stdoutTail().contains("hard FileNotFoundError"), r.observation());
        StepRecord score = env.score();
        assertFalse(score.grade().valid(), "a link to the answers must not be graded: " + score.observation());
        cleanWork("submission.csv", "soft");
    }

    @Test
    void searchesTheWholeFileSystemForTheAnswers() {
        StepRecord r = attack("""
                import os, stat
                needle = '__REVERSED__'[::-1].encode()  # built at run time: the code itself must not match
                hits = 0
                tops = [d for d in os.listdir('/') if d not in ('proc', 'sys', 'dev', 'usr') and not os.path.islink('/' + d)]
                for top in tops:
                    for dirpath, dirs, files in os.walk('/' + top):
                        for f in files:
                            path = os.path.join(dirpath, f)
                            try:
                                if stat.S_ISREG(os.lstat(path).st_mode) and needle in open(path, 'rb').read(1 << 20):
                                    hits += 1
                            except OSError:
                                pass
                print('hits', hits)
                """.replace("__REVERSED__", new StringBuilder(micro.canary()).reverse().toString()));
        assertTrue(r.exec().stdoutTail().contains("hits 0"), r.observation());
    }

    @Test
    void opensASocket() {
        StepRecord r = attack("""
                import socket
                for host, port in (('1.1.1.1', 53), ('127.0.0.1', 16917), ('127.0.0.1', 22)):
                    try:
                        socket.create_connection((host, port), timeout=1).close()
                        print('CONNECTED', host, port)
                    except OSError as e:
                        print('refused', host, port, type(e).__name__)
                """);
        assertFalse(r.exec().stdoutTail().contains("CONNECTED"), r.observation());
    }

    @Test
    void forkBombs() {
        StepRecord r = attack("""
                import os
                while True:
                    try:
                        os.fork()
                    except OSError:
                        pass
                """);
        assertNotNull(r.exec().killedReason(), r.observation());
    }

    @Test
    void allocatesEightGigabytes() {
        StepRecord r = attack("b = b'x' * (8 << 30)\nprint(len(b))");
        assertFalse(r.exec().succeeded(), r.observation());
        assertFalse(r.exec().stdoutTail().contains("8589934592"));
        // Stopped by the memory cap (OOM sentence, or MemoryError under an address-space rlimit); on a machine
        // loaded enough that filling 512 MB takes longer than the 3 s wall limit, by the wall limit instead.
        String reason = r.exec().killedReason();
        assertTrue(reason != null && (reason.contains("memory") || reason.contains("wall-time"))
                || r.exec().stderrTail().contains("MemoryError"), r.observation());
    }

    @Test
    void fillsTheDisk() throws IOException {
        StepRecord r = attack("""
                i = 0
                while True:
                    with open('fill%d.bin' % i, 'wb') as f:
                        f.write(b'0' * (8 << 20))
                    i += 1
                """);
        assertNotNull(r.exec().killedReason(), r.observation());
        assertTrue(r.exec().killedReason().contains("disk"), r.exec().killedReason());
        assertTrue(io.sandmle.executors.DiskUsage.of(root.resolve("ep-attacker/work")) <= LIMITS.maxDiskBytes());
        cleanWork();
    }

    @Test
    void sleepsForever() {
        StepRecord r = attack("import time\ntime.sleep(10**6)");
        assertTrue(r.exec().timedOut(), r.observation());
        assertTrue(r.exec().killedReason().contains("wall-time"), r.exec().killedReason());
        assertTrue(r.observation().startsWith("[Timeout]"), r.observation());
    }

    @Test
    void printsAGigabyte() throws IOException {
        StepRecord r = attack("import sys\nline = 'x' * 1023 + '\\n'\nfor _ in range(1 << 20):\n    sys.stdout.write(line)\nprint('END')");
        try (Stream<Path> logs = Files.list(root.resolve("ep-attacker/work-steps"))) {
            assertTrue(logs.filter(p -> p.toString().endsWith(".log")).allMatch(p -> size(p) <= LIMITS.maxOutputBytes()));
        }
        assertTrue(r.exec().stdoutTail().length() <= LIMITS.tailChars() + 200, "tail too long");
    }

    @Test
    void killsItsParent() {
        StepRecord r = attack("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\nimport time\ntime.sleep(1)\nprint('parent killed')");
        assertNotNull(r.exec());
    }

    @Test
    void leavesADaemon() throws Exception {
        attack("""
                import os, time
                if os.fork() == 0:
                    os.setsid()
                    if os.fork() == 0:
                        while True:
                            with open('/work/heartbeat', 'a') as f:
                                f.write('.')
                            time.sleep(0.05)
                    os._exit(0)
                time.sleep(0.3)
                print('daemon started')
                """);
        assertNoHeartbeat();
    }

    @Test
    void spawnsAProcessThatOutlivesTheStep() throws Exception {
        attack("""
                import subprocess, sys
                subprocess.Popen([sys.executable, '-c', "import time\\nwhile True:\\n    open('/work/heartbeat', 'a').write('.')\\n    time.sleep(0.05)"], start_new_session=True)
                import time
                time.sleep(0.3)
                print('spawned')
                """);
        assertNoHeartbeat();
    }

    @Test
    void claimsToHaveEndedAndKeepsRunning() throws Exception {
        // On a warm worker the step's child reports its exit status on a pipe it holds; a step that writes a status
        // there itself gets its result at once and must then be stopped, not left running past the sweep.
        attack("""
                import os, stat, fcntl, time
                for fd in range(3, 256):
                    try:
                        if stat.S_ISFIFO(os.fstat(fd).st_mode) and fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY:
                            os.write(fd, b'0\\n')
                    except OSError:
                        pass
                while True:
                    with open('/work/heartbeat', 'a') as f:
                        f.write('.')
                    time.sleep(0.05)
                """);
        assertNoHeartbeat();
    }

    @Test
    void writesOutsideItsFolder() {
        Path other = root.resolve("ep-bystander/work");
        StepRecord r = attack("""
                for path in ('/usr/evil', '/etc/evil', '/evil', '/run/sandmle/steps/evil', '__OTHER__/evil', '/root/evil'):
                    try:
                        open(path, 'w').write('x')
                        print('WROTE', path)
                    except OSError as e:
                        print('denied', path, type(e).__name__)
                """.replace("__OTHER__", other.toString()));
        assertFalse(r.exec().stdoutTail().contains("WROTE"), r.observation());
        assertFalse(Files.exists(other.resolve("evil")));
        assertFalse(Files.exists(root.resolve("ep-attacker/work-steps/evil")));
    }

    @Test
    void editsTheTasksPublicFiles() {
        StepRecord r = attack("""
                import os
                for act in (lambda: open('/data/train.csv', 'a').write('1,2,3'), lambda: os.remove('/data/test.csv'),
                            lambda: os.chmod('/data/train.csv', 0o777), lambda: os.rename('/data/test.csv', '/data/x')):
                    try:
                        act()
                        print('CHANGED')
                    except OSError as e:
                        print('denied', type(e).__name__)
                """);
        assertFalse(r.exec().stdoutTail().contains("CHANGED"), r.observation());
    }

    private void assertNoHeartbeat() throws Exception {
        Path beat = root.resolve("ep-attacker/work/heartbeat");
        long before = Files.exists(beat) ? Files.size(beat) : 0;
        Thread.sleep(600);
        long after = Files.exists(beat) ? Files.size(beat) : 0;
        assertEquals(before, after, "a process of the step is still running after it ended");
        cleanWork("heartbeat");
    }

    private void assertNoSurvivor() throws IOException {
        if (!io.sandmle.executors.local.SandboxUser.resolve().dropFromRoot()) {
            return; // code runs as the invoking user, whose other processes cannot be told apart; heartbeats check
        }
        // Processes of the sandbox user that see this test's folders (other suites may run sandboxes too):
        // only the idle warm workers of the two episodes, each with the spare child it forked for the next
        // step after the sweep, may remain between steps, and on the zygote path each episode's placeholder
        // (an idle `sleep infinity` holding the sandbox the worker joined).
        String uid = Integer.toString(io.sandmle.executors.local.SandboxUser.resolve().uid());
        List<Long> ours = ProcessHandle.allProcesses().map(ProcessHandle::pid)
                .filter(pid -> uid.equals(field(pid, "status", "Uid:")) && mounts(pid).contains(root.getFileName().toString()))
                .toList();
        List<Long> placeholders = ours.stream().filter(pid -> ProcessHandle.of(pid).flatMap(p -> p.info().commandLine())
                .orElse("").equals("/usr/bin/sleep infinity")).toList();
        assertTrue(placeholders.size() <= 2, placeholders.size() + " placeholders run: " + placeholders);
        assertTrue(ours.size() - placeholders.size() <= 4, ours.size() + " processes of this test's sandboxes run "
                + "between steps: " + ours);
    }

    /** The first value of a {@code key:} line in {@code /proc/<pid>/<file>}, or "" when the process is gone. */
    private static String field(long pid, String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/" + file))) {
                if (line.startsWith(key)) {
                    return line.substring(key.length()).trim().split("\\s+")[0];
                }
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }

    private static String mounts(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/mountinfo"));
        } catch (IOException e) {
            return "";
        }
    }

    private void assertNoCanary(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                if (f.getParent().getFileName().toString().equals("submissions")) {
                    continue; // archived copies are harness-side, never shown to agent code
                }
                assertFalse(contains(f, micro.canary()), "the answers' canary reached " + f);
            }
        }
    }

    private static boolean contains(Path f, String needle) throws IOException {
        try (var in = Files.newInputStream(f)) {
            byte[] head = in.readNBytes(4 << 20);
            return new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).contains(needle);
        }
    }

    private void cleanWork(String... names) {
        for (String n : names) {
            try {
                Files.deleteIfExists(root.resolve("ep-attacker/work").resolve(n));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (names.length == 0) {
            try (Stream<Path> all = Files.list(root.resolve("ep-attacker/work"))) {
                all.forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String digest(Path dir) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted().toList()) {
                md.update(f.toString().getBytes());
                if (Files.isRegularFile(f)) {
                    md.update(Files.readAllBytes(f));
                    md.update(Files.getPosixFilePermissions(f).toString().getBytes());
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
