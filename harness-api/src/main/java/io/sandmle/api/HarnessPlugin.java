package io.sandmle.api;

/**
 * Entry point of a plugin jar, listed in {@code META-INF/services/io.sandmle.api.HarnessPlugin}.
 *
 * <p>The runner discovers every plugin with {@link java.util.ServiceLoader}, asks each to
 * {@link #register register} its extensions by short name, and wires them into a Guice injector
 * (one {@code MapBinder} per {@link ExtensionKind}). The plugin itself never sees Guice: an
 * implementation only needs a public no-argument constructor or a constructor annotated with
 * {@code jakarta.inject.Inject}.
 */
public interface HarnessPlugin {

    /** A human-readable name for listings and error messages; defaults to the class name. */
    default String name() {
        return getClass().getSimpleName();
    }

    /** Declares this plugin's extensions. Called once, at start-up. */
    void register(ExtensionRegistry registry);
}
