package io.sandmle.executors.local;

import io.sandmle.api.SandboxSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A Python environment (a venv or conda prefix) that steps run in: shown read-only at its own path inside the
 * sandbox, so its {@code bin/python} and the packages it finds (torch with CUDA …) are where they were built.
 */
final class PythonPrefix {

    /** Where the sandbox sees the host's system: an interpreter the prefix links to must live here or in the prefix. */
    private static final Path SHARED_SYSTEM = Path.of("/usr");

    private PythonPrefix() {
    }

    /**
     * The absolute prefix, once it is known to hold a usable {@code bin/python}.
     *
     * @throws IllegalArgumentException with one sentence when the prefix or its interpreter is missing, or the
     *                                  interpreter lives where the sandbox cannot see it
     */
    static Path check(Path prefix) {
        Path absolute = prefix.toAbsolutePath().normalize();
        Path python = interpreter(absolute);
        if (!Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("The local executor's python-prefix " + absolute + " does not exist; "
                    + "name a venv or conda prefix (the folder holding bin/python).");
        }
        if (!Files.isExecutable(python)) {
            throw new IllegalArgumentException("The local executor's python-prefix " + absolute + " has no "
                    + "executable bin/python; name a venv or conda prefix (the folder holding bin/python).");
        }
        try {
            Path real = python.toRealPath();
            if (!real.startsWith(absolute.toRealPath()) && !real.startsWith(SHARED_SYSTEM)) {
                throw new IllegalArgumentException("The local executor's python-prefix " + absolute + " runs " + real
                        + ", outside both the prefix and /usr, so the sandbox could not start it; make the environment "
                        + "self-contained (a conda prefix, or a venv made with --copies).");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot resolve " + python + ": " + e.getMessage() + ".", e);
        }
        return absolute;
    }

    /** The prefix's interpreter. */
    static Path interpreter(Path prefix) {
        return prefix.resolve("bin").resolve("python");
    }

    /**
     * The interpreter an episode's steps run with: the spec's when it lies inside the prefix, else the prefix's
     * {@code bin/python} in place of the default interpreter.
     *
     * @throws IllegalArgumentException with one sentence when the spec names another interpreter outside the prefix
     */
    static String python(Path prefix, String specPython) {
        if (specPython == null || specPython.equals(SandboxSpec.DEFAULT_PYTHON)) {
            return interpreter(prefix).toString();
        }
        if (Path.of(specPython).toAbsolutePath().normalize().startsWith(prefix)) {
            return specPython;
        }
        throw new IllegalArgumentException("executor.python is " + specPython + ", outside the local executor's "
                + "python-prefix " + prefix + "; leave executor.python out or name an interpreter inside the prefix.");
    }

    /** What the sandbox is given for the prefix: the folder itself, read-only. */
    static Passthrough passthrough(Path prefix) {
        return new Passthrough(Map.of(), List.of(prefix), Map.of());
    }
}
