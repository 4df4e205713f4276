package io.sandmle.executors;

import io.sandmle.api.Executor;
import io.sandmle.executors.local.LocalExecutor;
import io.sandmle.executors.local.LocalOptions;
import java.time.Duration;

/** The adversarial suite against the local executor's cold path (a fresh sandboxed python per step). */
class LocalColdAdversarialTest extends AdversarialSuite {

    @Override
    Executor newExecutor() {
        return new LocalExecutor(new LocalOptions(false, Duration.ZERO));
    }
}
