package io.sandmle.executors.local;

import io.sandmle.api.SandboxSpec;
import io.sandmle.executors.StepFiles;
import java.util.Optional;

/**
 * What the cold and warm sandboxes of one episode share: its spec, step files, isolation command and
 * cgroup factory.
 *
 * @param id         a unique name used for the episode's cgroups
 * @param spec       the episode's sandbox spec
 * @param steps      the episode's step files
 * @param isolation  the isolation command, or {@code null} when running unconfined (explicit unsafe opt-in)
 * @param cgroups    the machine's cgroup support
 */
public record LocalEpisode(String id, SandboxSpec spec, StepFiles steps, IsolationCommand isolation, Cgroups cgroups) {

    /** True when the user opted into running agent code without bubblewrap. */
    public boolean unconfined() {
        return isolation == null;
    }

    /** A fresh cgroup for one step (or one warm worker), capped by the episode's limits. */
    public Optional<Cgroup> stepCgroup(String name) {
        return cgroups.open(id + "-" + name, spec.limits().memoryBytes(), spec.limits().maxProcesses());
    }
}
