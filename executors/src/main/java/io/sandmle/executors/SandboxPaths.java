package io.sandmle.executors;

import io.sandmle.api.Sandbox;
import java.nio.file.Path;

/**
 * Where things appear inside the sandbox, and where an episode's files live on the host. Agent code
 * runs with cwd {@value #WORK}; the task's public folder is read-only at {@value #DATA}; the step's own
 * code file is read-only under {@value #STEPS}. Nothing else of the host is visible.
 */
public final class SandboxPaths {

    /** The agent's read-write working directory inside the sandbox ({@link Sandbox#WORK_MOUNT}). */
    public static final String WORK = Sandbox.WORK_MOUNT;
    /** The task's public files, read-only, inside the sandbox ({@link Sandbox#DATA_MOUNT}). */
    public static final String DATA = Sandbox.DATA_MOUNT;
    /** The episode's step files (code, output pipes), read-only, inside the sandbox. */
    public static final String STEPS = "/run/sandmle/steps";

    private SandboxPaths() {
    }

    /**
     * The host folder holding an episode's step files (code as run, full capped logs), beside the work
     * folder and not inside it, so agent code cannot rewrite its own history.
     */
    public static Path stepsDir(Path workDir) {
        Path abs = workDir.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + "-steps");
    }

    /**
     * The host folder mounted at {@value #DATA}: the episode's view of the task's public folder
     * ({@link DataMirror}), beside the work folder, so the mount table never names the task folder.
     */
    public static Path dataMirrorDir(Path workDir) {
        Path abs = workDir.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + "-data");
    }

    /** The file name of step {@code n}'s code; logs add {@code .stdout.log} and {@code .stderr.log}. */
    public static String stepName(int n) {
        return String.format("step_%04d", n);
    }
}
