package io.sandmle.junit.engine;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/** One suite-level test: a minimum rate over the suite's episodes. */
final class RateDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "rate";

    private final RateAssertion assertion;

    RateDescriptor(UniqueId id, TestSource source, RateAssertion assertion) {
        super(id, assertion.displayName(), source);
        this.assertion = assertion;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    RateAssertion assertion() {
        return assertion;
    }
}
