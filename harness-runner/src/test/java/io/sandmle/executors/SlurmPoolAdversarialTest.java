package io.sandmle.executors;

import io.sandmle.api.Executor;
import io.sandmle.executors.slurm.SlurmExecutor;
import io.sandmle.executors.slurm.SlurmOptions;
import io.sandmle.executors.slurm.pool.PoolOptions;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** The adversarial suite through the Slurm warm pool: the attacker's and the bystander's episodes share a pilot. */
@ExtendWith(SlurmCluster.class)
class SlurmPoolAdversarialTest extends AdversarialSuite {

    @Override
    Executor newExecutor() {
        PoolOptions bounds = PoolOptions.from(Map.of("max-agents", "1", "episodes-per-agent", "2", "memory-per-agent",
                "2G", "pool-dir", root.resolve("pools").toString()));
        return new SlurmExecutor(SlurmOptions.fromEnvironment().withSlurmConf(SlurmCluster.slurmConf()).withPool(bounds));
    }
}
