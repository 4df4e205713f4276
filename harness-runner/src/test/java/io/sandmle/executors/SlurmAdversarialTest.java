package io.sandmle.executors;

import io.sandmle.api.Executor;
import io.sandmle.executors.slurm.SlurmExecutor;
import io.sandmle.executors.slurm.SlurmOptions;
import org.junit.jupiter.api.extension.ExtendWith;

/** The adversarial suite against the Slurm executor on a real one-node cluster started for the test. */
@ExtendWith(SlurmCluster.class)
class SlurmAdversarialTest extends AdversarialSuite {

    @Override
    Executor newExecutor() {
        return new SlurmExecutor(SlurmOptions.fromEnvironment().withSlurmConf(SlurmCluster.slurmConf()));
    }
}
