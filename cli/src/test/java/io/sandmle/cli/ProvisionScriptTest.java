package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sandmle.runner.config.RepoFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * provision/provision.sh against fake dpkg-query and apt-get that keep an installed-package list in a
 * file, so installing, idempotence and the refusals can be checked without touching the machine.
 */
class ProvisionScriptTest {

    private static final Path SCRIPT = RepoFiles.root().resolve("provision/provision.sh");

    @TempDir
    Path tmp;
    private Path installed;
    private Path aptCalls;

    @BeforeEach
    void fakeTools() throws IOException {
        installed = Files.writeString(tmp.resolve("installed.txt"), "");
        aptCalls = tmp.resolve("apt-calls.txt");
        // Like dpkg-query -W -f='${Package} ${Status}\n' pkg...: a line per known package, exit 1 if any is unknown.
        executable("dpkg-query", "shift 2; rc=0; for p in \"$@\"; do\n"
                + "  if grep -qx \"$p\" '" + installed + "'; then echo \"$p install ok installed\";\n"
                + "  else echo \"dpkg-query: no packages found matching $p\" >&2; rc=1; fi\ndone; exit $rc");
        executable("apt-get", "echo \"$*\" >> '" + aptCalls + "'\n"
                + "if [ \"$1\" = install ]; then shift 3; printf '%s\\n' \"$@\" >> '" + installed + "'; fi");
    }

    @Test
    void installsOnlyWhatIsMissingThenStaysQuiet() throws Exception {
        Files.writeString(installed, "bubblewrap\npython3-numpy\n");

        String missing = String.join(" ", runtimePackagesExcept("bubblewrap", "python3-numpy"));

        Result first = provision("runtime", "0");
        assertEquals(0, first.exitCode(), first.output());
        assertEquals(List.of("update", "install -y --no-install-recommends " + missing), Files.readAllLines(aptCalls));
        assertEquals("provision: installing " + missing + "\n", first.output());

        Result second = provision("runtime", "0");
        assertEquals(new Result(0, ""), second);
        assertEquals(2, Files.readAllLines(aptCalls).size(), "nothing missing: apt-get must not run again");
    }

    @Test
    void withoutRootItPrintsTheSudoCommandAndInstallsNothing() throws Exception {
        Files.writeString(installed, "python3-numpy\npython3-pandas\npython3-scipy\npython3-sklearn\n");
        String missing = String.join(" ", runtimePackagesExcept("python3-numpy", "python3-pandas", "python3-scipy",
                "python3-sklearn"));
        Result result = provision("runtime", "1000");
        assertEquals(new Result(3, "provision: missing packages need root; run: sudo apt-get update && "
                + "sudo apt-get install -y " + missing + "\n"), result);
        assertFalse(Files.exists(aptCalls));
    }

    /** The runtime list in file order, less the packages a test marks as installed. */
    private static List<String> runtimePackagesExcept(String... installed) throws IOException {
        List<String> all = new ArrayList<>(packages("apt-runtime.txt"));
        all.removeAll(List.of(installed));
        return all;
    }

    @Test
    void withoutAptGetItNamesThePackagesToInstallByHand() throws Exception {
        Files.delete(tmp.resolve("apt-get"));
        Result result = provision("runtime", "0");
        assertEquals(3, result.exitCode());
        assertTrue(result.output().startsWith("provision: apt-get is not available; install these packages by hand: "
                + "python3-numpy python3-pandas"), result.output());
    }

    @Test
    void theTestListIsASupersetOfTheRuntimeList() throws Exception {
        List<String> test = packages("apt-packages.txt");
        assertTrue(test.containsAll(packages("apt-runtime.txt")), test.toString());
        assertTrue(test.containsAll(List.of("poppler-utils", "chromium", "slurm-wlm", "munge")), test.toString());
    }

    @Test
    void onThisMachineEverythingTheTestsNeedIsAlreadyThereSoItIsSilent() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg-query")), "not a Debian machine");
        Result result = run(Map.of(), "test");
        assertEquals(new Result(0, ""), result, "./run-tests provisioned these before the tests started");
    }

    private Result provision(String purpose, String uid) throws Exception {
        return run(Map.of("SANDMLE_DPKG_QUERY", tmp.resolve("dpkg-query").toString(),
                "SANDMLE_APT_GET", tmp.resolve("apt-get").toString(), "SANDMLE_UID", uid, "TMPDIR", tmp.toString()),
                purpose);
    }

    private static Result run(Map<String, String> env, String purpose) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), purpose).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private static List<String> packages(String list) throws IOException {
        return Files.readAllLines(SCRIPT.resolveSibling(list)).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    private void executable(String name, String body) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Result(int exitCode, String output) {
    }
}
