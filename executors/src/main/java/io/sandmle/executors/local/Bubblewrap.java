package io.sandmle.executors.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the bubblewrap binary and says how to get it when it is missing. */
public final class Bubblewrap {

    /** One sentence a user sees when agent code would otherwise run unconfined. */
    public static final String MISSING = "bubblewrap (bwrap) is not installed, so agent code cannot be isolated; "
            + "install it with 'sudo apt-get install bubblewrap' (or your distribution's package), "
            + "or pass the explicit unsafe flag to run agent code without a sandbox.";

    private Bubblewrap() {
    }

    /** The bwrap executable, looked for in the standard places, or {@code null}. */
    public static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "bwrap");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        Path usual = Path.of("/usr/bin/bwrap");
        return Files.isExecutable(usual) ? usual : null;
    }
}
