package io.sandmle.executors;

import io.sandmle.api.Executor;
import io.sandmle.executors.local.LocalExecutor;
import io.sandmle.executors.local.LocalOptions;
import java.time.Duration;

/** The adversarial suite against the local executor with warm workers (its default). */
class LocalAdversarialTest extends AdversarialSuite {

    @Override
    Executor newExecutor() {
        return new LocalExecutor(new LocalOptions(true, Duration.ofSeconds(120)));
    }
}
