package io.sandmle.junit.engine;

import io.sandmle.runner.rollout.EpisodeSpec;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/** One test: a task of a suite with one seed and one system (policy × scaffold). */
final class EpisodeDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "episode";

    private final EpisodeSpec episode;

    EpisodeDescriptor(UniqueId id, String displayName, TestSource source, EpisodeSpec episode) {
        super(id, displayName, source);
        this.episode = episode;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    /** The planned episode (its model, grader and budget are not set: only its identity is used). */
    EpisodeSpec episode() {
        return episode;
    }
}
