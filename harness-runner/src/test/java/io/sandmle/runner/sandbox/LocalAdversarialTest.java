package io.sandmle.runner.sandbox;

import io.sandmle.api.Executor;
import io.sandmle.runner.sandbox.local.LocalExecutor;
import io.sandmle.runner.sandbox.local.LocalOptions;
import java.time.Duration;

/** The adversarial suite against the local executor with warm workers (its default). */
class LocalAdversarialTest extends AdversarialSuite {

    @Override
    Executor newExecutor() {
        return new LocalExecutor(new LocalOptions(true, Duration.ofSeconds(120)));
    }
}
