package io.sandmle.junit.engine;

import io.sandmle.api.Task;
import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.config.PolicyConfig;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.rollout.EpisodeSpec;
import io.sandmle.runner.rollout.EvalPlan;
import io.sandmle.runner.rollout.EvalRun;
import java.util.List;
import java.util.function.Supplier;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;

/**
 * Turns a {@link SuiteSpec} into its descriptor tree: the config's suites × tasks × seeds × scaffolds ×
 * policies as tests (in the order {@code sandmle eval} runs them), then one test per rate assertion.
 */
final class SuiteDiscovery {

    private final Supplier<Extensions> extensions;

    SuiteDiscovery(Supplier<Extensions> extensions) {
        this.extensions = extensions;
    }

    SuiteDescriptor describe(UniqueId parent, String suiteKey, SuiteSpec spec) {
        UniqueId id = parent.append(SuiteDescriptor.SEGMENT, suiteKey);
        if (spec.problem() != null) {
            return new SuiteDescriptor(id, spec, null, spec.problem());
        }
        ExperimentConfig config;
        List<EvalPlan.SuiteTasks> suites;
        try {
            config = ConfigLoader.load(spec.config());
            suites = new EvalRun(config, extensions.get()).suiteTasks();
        } catch (RuntimeException e) {
            return new SuiteDescriptor(id, spec, null, e);
        }
        SuiteDescriptor suite = new SuiteDescriptor(id, spec, config, null);
        boolean manySystems = config.scaffolds().size() * config.policies().size() > 1;
        boolean manySuites = suites.size() > 1;
        for (EvalPlan.SuiteTasks s : suites) {
            for (Task task : s.tasks()) {
                for (long seed : config.seeds()) {
                    for (String scaffold : config.scaffolds()) {
                        for (PolicyConfig policy : config.policies()) {
                            var episode = new EpisodeSpec(s.suite(), task, null, scaffold, policy.name(), null, seed,
                                    null, null);
                            String name = (manySuites ? s.suite() + "/" : "") + task.id() + ", seed " + seed
                                    + (manySystems ? ", " + episode.system() : "");
                            suite.addChild(new EpisodeDescriptor(id.append(EpisodeDescriptor.SEGMENT,
                                    episode.episodeId()), name, testSource(spec, name), episode));
                        }
                    }
                }
            }
        }
        for (RateAssertion rate : spec.assertions()) {
            suite.addChild(new RateDescriptor(id.append(RateDescriptor.SEGMENT, rate.criterion().key()),
                    testSource(spec, rate.displayName()), rate));
        }
        return suite;
    }

    /**
     * A test of a class suite gets a method source named like the test, because Maven Surefire names the
     * XML test case after the method (and leaves it blank otherwise); other suites keep their file source.
     */
    private static TestSource testSource(SuiteSpec spec, String testName) {
        return spec.source() instanceof ClassSource c ? MethodSource.from(c.getClassName(), testName) : spec.source();
    }
}
