package io.sandmle.executors;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension that starts a real one-node Slurm cluster on localhost for a test class (through
 * {@code provision/slurm-local.sh start}, which installs slurm-wlm and munge when missing) and stops it
 * after the class. Tests read {@link #slurmConf()}. Needs root, as slurmd does.
 */
public final class SlurmCluster implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    /** Ports apart from the script's default, so a developer's own local cluster is left alone. */
    private static final String TEST_PORT = "16917";
    private static Path dir;
    private static Path script;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "a local Slurm cluster needs root");
        if (dir != null) {
            return;
        }
        script = findScript();
        dir = Files.createTempDirectory("sandmle-slurm-");
        int code = run("start");
        if (code != 0) {
            throw new IllegalStateException("provision/slurm-local.sh start failed (exit " + code + "); logs in " + dir);
        }
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SlurmCluster.class.getName(), this);
    }

    /** The running cluster's slurm.conf. */
    public static Path slurmConf() {
        return dir.resolve("slurm.conf");
    }

    @Override
    public void close() throws Exception {
        run("stop");
        dir = null;
    }

    private static int run(String action) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), action, dir.toString()).redirectErrorStream(true);
        pb.environment().put("SANDMLE_SLURM_PORT", TEST_PORT);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        if (p.exitValue() != 0) {
            System.err.println(out);
        }
        return p.exitValue();
    }

    private static Path findScript() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path s = d.resolve("provision/slurm-local.sh");
            if (Files.isRegularFile(s)) {
                return s;
            }
        }
        throw new IllegalStateException("provision/slurm-local.sh not found above " + Path.of("").toAbsolutePath());
    }
}
