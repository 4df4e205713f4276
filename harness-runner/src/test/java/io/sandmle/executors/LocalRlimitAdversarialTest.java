package io.sandmle.executors;

import io.sandmle.api.Executor;
import io.sandmle.executors.local.Bubblewrap;
import io.sandmle.executors.local.Cgroups;
import io.sandmle.executors.local.LocalExecutor;
import io.sandmle.executors.local.LocalOptions;
import io.sandmle.executors.local.SandboxUser;
import java.time.Duration;

/**
 * The adversarial suite against the local executor on a machine without usable cgroups: bubblewrap plus
 * rlimits only (address space, processes), cold steps.
 */
class LocalRlimitAdversarialTest extends AdversarialSuite {

    @Override
    Executor newExecutor() {
        return new LocalExecutor(new LocalOptions(true, Duration.ofSeconds(60)),
                new LocalExecutor.Machine(Bubblewrap.find(), SandboxUser.resolve(), Cgroups.none()));
    }
}
