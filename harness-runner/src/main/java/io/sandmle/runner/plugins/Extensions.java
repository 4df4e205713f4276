package io.sandmle.runner.plugins;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.util.Types;
import io.sandmle.api.ExtensionKind;
import jakarta.inject.Provider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The harness's view of all loaded extensions: a Guice injector with one {@code MapBinder} per
 * {@link ExtensionKind} and this object itself, so an implementation registered as a class may {@code @Inject}
 * what it needs; one registered as a factory is bound to a provider that calls it.
 */
public final class Extensions {

    private final List<Extension> all;
    private final Injector injector;

    Extensions(List<Extension> all) {
        this.all = all;
        // Bound to itself so that an extension living in the application (a benchmark that opens an Experiment)
        // can @Inject the others; plugins see only harness-api and inject the kinds' maps.
        this.injector = Guice.createInjector(new BindingModule(all),
                binder -> binder.bind(Extensions.class).toInstance(this));
    }

    /** Loads every plugin from the class path and the given plugin folders. */
    public static Extensions load(List<Path> pluginPaths) {
        return new Extensions(PluginLoader.load(pluginPaths));
    }

    /** Every extension, in registration order. */
    public List<Extension> list() {
        return all;
    }

    /** A fresh instance of the extension {@code name} of {@code kind}. */
    public <T> T create(ExtensionKind<T> kind, String name) {
        Provider<T> provider = providers(kind).get(name);
        if (provider == null) {
            throw new IllegalArgumentException("No " + kind.id() + " named '" + name + "'; known: "
                    + String.join(", ", names(kind)) + ". Run 'sandmle plugins' to see them all.");
        }
        try {
            return provider.get();
        } catch (ProvisionException e) {
            // The extension's own sentence, not Guice's numbered error listing around it.
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The names registered for a kind, sorted. */
    public TreeSet<String> names(ExtensionKind<?> kind) {
        return all.stream().filter(e -> e.kind().equals(kind)).map(Extension::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("unchecked")
    private <T> Map<String, Provider<T>> providers(ExtensionKind<T> kind) {
        var type = Types.mapOf(String.class, Types.providerOf(kind.contract()));
        return (Map<String, Provider<T>>) injector.getInstance(Key.get(TypeLiteral.get(type)));
    }

    /** Binds each extension into its kind's MapBinder. */
    private static final class BindingModule extends AbstractModule {
        private final List<Extension> all;

        BindingModule(List<Extension> all) {
            this.all = all;
        }

        @Override
        protected void configure() {
            for (ExtensionKind<?> kind : ExtensionKind.all()) {
                bindKind(kind);
            }
        }

        private <T> void bindKind(ExtensionKind<T> kind) {
            MapBinder<String, T> binder = MapBinder.newMapBinder(binder(), String.class, kind.contract());
            for (Extension e : all) {
                if (!e.kind().equals(kind)) {
                    continue;
                }
                if (e.implementation() != null) {
                    binder.addBinding(e.name()).to(e.implementation().asSubclass(kind.contract()));
                } else {
                    binder.addBinding(e.name()).toProvider(supplied(kind, e));
                }
            }
        }

        /** A provider over a plugin's factory; an instance of the wrong type fails naming the extension. */
        private static <T> com.google.inject.Provider<T> supplied(ExtensionKind<T> kind, Extension e) {
            return () -> {
                Object made = e.factory().get();
                if (!kind.contract().isInstance(made)) {
                    throw new IllegalStateException("The " + kind.id() + " factory '" + e.name() + "' of " + e.plugin()
                            + " made " + (made == null ? "null" : made.getClass().getName()) + ", not a "
                            + kind.contract().getSimpleName() + ".");
                }
                return kind.contract().cast(made);
            };
        }
    }
}
