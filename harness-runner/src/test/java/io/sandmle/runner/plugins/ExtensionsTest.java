package io.sandmle.runner.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ColumnTable;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ExtensionRegistry;
import io.sandmle.api.HarnessPlugin;
import io.sandmle.api.Metric;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Extensions registered as classes (created and injected by Guice) and as factories (called per instance). */
class ExtensionsTest {

    /** A metric whose name is a constructor argument: the case factories exist for. */
    record Constant(String name, double value) implements Metric {
        @Override
        public boolean lowerIsBetter() {
            return false;
        }

        @Override
        public double score(ColumnTable truth, ColumnTable predicted) {
            return value;
        }
    }

    /** A metric built by Guice, which injects the providers of every registered metric. */
    public static final class Best implements Metric {
        private final Map<String, Provider<Metric>> metrics;

        @Inject
        public Best(Map<String, Provider<Metric>> metrics) {
            this.metrics = metrics;
        }

        @Override
        public String name() {
            return "best-of-" + metrics.size();
        }

        @Override
        public boolean lowerIsBetter() {
            return false;
        }

        @Override
        public double score(ColumnTable truth, ColumnTable predicted) {
            return 1;
        }
    }

    private static HarnessPlugin plugin(String name, java.util.function.Consumer<ExtensionRegistry> body) {
        return new HarnessPlugin() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void register(ExtensionRegistry registry) {
                body.accept(registry);
            }
        };
    }

    @Test
    void factoriesGiveAFreshInstancePerCreateBesideInjectedClasses() {
        Extensions extensions = new Extensions(PluginLoader.collect(List.of(plugin("metrics", r -> {
            for (String name : List.of("zero", "one")) {
                r.add(ExtensionKind.METRIC, name, () -> new Constant(name, name.equals("one") ? 1 : 0));
            }
            r.add(ExtensionKind.METRIC, "best", Best.class);
        }))));
        Metric one = extensions.create(ExtensionKind.METRIC, "one");
        assertEquals(new Constant("one", 1), one);
        assertNotSame(one, extensions.create(ExtensionKind.METRIC, "one"));
        assertEquals("best-of-3", extensions.create(ExtensionKind.METRIC, "best").name());
        assertEquals(List.of("best", "one", "zero"), List.copyOf(extensions.names(ExtensionKind.METRIC)));

        Extension supplied = extensions.list().get(0);
        assertEquals("(supplied by metrics)", supplied.implementationName());
        assertEquals(Best.class.getName(), extensions.list().get(2).implementationName());
    }

    @Test
    void aFactoryThatMakesTheWrongTypeFailsNamingTheExtension() {
        Extensions extensions = new Extensions(PluginLoader.collect(List.of(plugin("odd", r -> {
            @SuppressWarnings({"unchecked", "rawtypes"})
            ExtensionKind<Object> anyKind = (ExtensionKind) ExtensionKind.METRIC;
            r.add(anyKind, "text", () -> "not a metric");
        }))));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> extensions.create(ExtensionKind.METRIC, "text"));
        assertEquals("The metric factory 'text' of odd made java.lang.String, not a Metric.", e.getMessage());
    }

    @Test
    void aClassAndAFactoryUnderOneNameConflict() {
        PluginConflictException e = assertThrows(PluginConflictException.class, () -> PluginLoader.collect(List.of(
                plugin("first", r -> r.add(ExtensionKind.METRIC, "best", Best.class)),
                plugin("second", r -> r.add(ExtensionKind.METRIC, "best", () -> new Constant("best", 0))))));
        assertTrue(e.getMessage().startsWith("Two plugins claim the metric name 'best': first ("), e.getMessage());
        assertTrue(e.getMessage().contains(") and second ("), e.getMessage());
    }

    @Test
    void theEnvironmentsPluginSuppliesEveryMetricByName() {
        Extensions extensions = Extensions.load(List.of());
        Metric rmse = extensions.create(ExtensionKind.METRIC, "rmse");
        assertEquals("rmse", rmse.name());
        assertTrue(rmse.lowerIsBetter());
        assertEquals(15, extensions.names(ExtensionKind.METRIC).size());
        assertTrue(extensions.list().stream().filter(x -> x.kind().equals(ExtensionKind.METRIC))
                .allMatch(x -> x.factory() != null && x.implementation() == null));
    }
}
