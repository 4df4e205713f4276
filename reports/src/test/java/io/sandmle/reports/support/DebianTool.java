package io.sandmle.reports.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool the tests need from Debian (listed in provision/apt-packages.txt). If it is
 * missing and we are root, it is installed with apt-get; otherwise the test fails naming the package.
 */
public final class DebianTool {

    private DebianTool() {
    }

    public static Path require(String binary, String aptPackage) throws Exception {
        Path path = Path.of("/usr/bin", binary);
        if (!Files.isExecutable(path) && Files.isExecutable(Path.of("/usr/bin/apt-get"))
                && "root".equals(System.getProperty("user.name"))) {
            Process p = new ProcessBuilder("apt-get", "install", "-y", "--no-install-recommends", aptPackage)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(15, TimeUnit.MINUTES);
        }
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(binary + " is missing: install the Debian package '" + aptPackage
                    + "' (provision/apt-packages.txt).");
        }
        return path;
    }

    /** Runs a command, returns its stdout; fails with its output when it exits non-zero or hangs. */
    public static String run(long timeoutSeconds, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command[0] + " did not finish in " + timeoutSeconds + " s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(command[0] + " exited " + p.exitValue() + ": "
                    + new String(p.getErrorStream().readAllBytes()));
        }
        return new String(out);
    }
}
