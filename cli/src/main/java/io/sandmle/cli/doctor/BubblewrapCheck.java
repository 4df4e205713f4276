package io.sandmle.cli.doctor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Bubblewrap, which the local executor sandboxes agent code with: installed, and able to create the
 * namespaces it needs (unprivileged user namespaces are disabled on some kernels and containers).
 */
final class BubblewrapCheck implements Check {

    @Override
    public List<Finding> run(Machine machine) {
        Optional<Path> bwrap = machine.which("bwrap");
        if (bwrap.isEmpty()) {
            return List.of(Finding.problem(true, "bubblewrap", "bwrap is not on PATH",
                    machine.aptInstall("bubblewrap")));
        }
        Machine.Ran ran = machine.run(List.of(bwrap.get().toString(), "--unshare-user", "--unshare-pid",
                "--unshare-net", "--die-with-parent", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                "true"), Duration.ofSeconds(30));
        if (!ran.succeeded()) {
            return List.of(Finding.problem(true, "bubblewrap", bwrap.get() + " cannot create a sandbox: "
                    + ran.firstLine(), "sysctl -w kernel.unprivileged_userns_clone=1 "
                    + "kernel.apparmor_restrict_unprivileged_userns=0 (or run in a container that allows user namespaces)"));
        }
        return List.of(Finding.ok("bubblewrap", bwrap.get() + " creates user, pid and network namespaces"));
    }
}
