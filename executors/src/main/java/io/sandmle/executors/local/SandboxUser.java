package io.sandmle.executors.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The unprivileged account agent code runs as. When the harness runs as root it uses (and creates once)
 * the system user {@value #NAME}, falling back to {@code nobody}; otherwise the invoking user, who is
 * already unprivileged and enters the sandbox through an unprivileged user namespace.
 *
 * @param uid        the numeric user id code runs as
 * @param gid        its group id
 * @param dropFromRoot true when the harness is root and must switch to {@code uid} inside the sandbox
 */
public record SandboxUser(int uid, int gid, boolean dropFromRoot) {

    /** The dedicated system account created when the harness runs as root. */
    public static final String NAME = "sandmle-sbx";
    private static final int NOBODY = 65534;

    /** Resolves the account for this process, creating {@value #NAME} when root and missing. */
    public static SandboxUser resolve() {
        int self = currentUid();
        if (self != 0) {
            return new SandboxUser(self, self, false);
        }
        if (idOf("-u").isEmpty()) {
            run(List.of("useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent",
                    "--shell", "/usr/sbin/nologin", NAME));
        }
        String uid = idOf("-u");
        String gid = idOf("-g");
        return uid.isEmpty() || gid.isEmpty() ? new SandboxUser(NOBODY, NOBODY, true)
                : new SandboxUser(Integer.parseInt(uid), Integer.parseInt(gid), true);
    }

    /** Hands {@code dir} (recursively) to this user so code can write its working folder. */
    public void own(Path dir) {
        if (dropFromRoot) {
            run(List.of("chown", "-R", uid + ":" + gid, dir.toString()));
        }
    }

    private static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    private static String idOf(String flag) {
        return run(List.of("id", flag, NAME)).trim();
    }

    /** Runs a short administrative command; returns its stdout, or "" when it failed. */
    private static String run(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(false).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.getErrorStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
