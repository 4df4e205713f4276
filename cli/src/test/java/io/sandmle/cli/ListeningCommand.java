package io.sandmle.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code sandmle} server command ({@code serve}, {@code env-server}) in its own JVM, as a user starts it,
 * with the address it printed. Its output is drained so it never blocks on a full pipe.
 */
final class ListeningCommand implements AutoCloseable {

    private final Process process;
    private final String address;

    private ListeningCommand(Process process, String address) {
        this.process = process;
        this.address = address;
    }

    /** Starts {@code sandmle args} and waits for the first printed word that starts with {@code scheme}. */
    static ListeningCommand start(String scheme, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), SandmleCommand.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = lines.readLine()) != null; ) {
            int at = line.indexOf(scheme);
            if (at >= 0) {
                Thread drain = new Thread(() -> lines.lines().forEach(l -> { }), "drain");
                drain.setDaemon(true);
                drain.start();
                return new ListeningCommand(p, line.substring(at).split("[ ,;)]")[0]);
            }
        }
        throw new AssertionError("sandmle " + String.join(" ", args) + " ended without saying where it listens");
    }

    /** What it printed: {@code ws://127.0.0.1:41234/ws}, {@code http://127.0.0.1:41235/v1}. */
    String address() {
        return address;
    }

    /** The {@code http://host:port} root of the address. */
    String httpRoot() {
        String rest = address.substring(address.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        return "http://" + (slash < 0 ? rest : rest.substring(0, slash));
    }

    /** Stops it as Ctrl-C would (its shutdown hook runs) and waits for it to end. */
    boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
