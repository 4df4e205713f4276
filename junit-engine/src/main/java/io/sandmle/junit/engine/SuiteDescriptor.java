package io.sandmle.junit.engine;

import io.sandmle.runner.config.ExperimentConfig;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * One benchmark suite: a container of one test per task × seed × system and one per suite-level rate.
 * When its config could not be read at discovery, it holds the one-sentence problem and fails when run.
 */
final class SuiteDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "suite";

    private final SuiteSpec spec;
    private final ExperimentConfig config;
    private final RuntimeException problem;

    SuiteDescriptor(UniqueId id, SuiteSpec spec, ExperimentConfig config, RuntimeException problem) {
        super(id, spec.name(), spec.source());
        this.spec = spec;
        this.config = config;
        this.problem = problem;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    SuiteSpec spec() {
        return spec;
    }

    /** The experiment config, or {@code null} when {@link #problem()} says why not. */
    ExperimentConfig config() {
        return config;
    }

    /** Why the suite cannot run, or {@code null}. */
    RuntimeException problem() {
        return problem;
    }
}
