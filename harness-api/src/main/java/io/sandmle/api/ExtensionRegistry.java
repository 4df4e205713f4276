package io.sandmle.api;

import java.util.function.Supplier;

/**
 * What a {@link HarnessPlugin} is handed to declare its extensions. Names are short and
 * lower-case ({@code react}, {@code grpo}, {@code mle-bench-lite}); two plugins that claim the
 * same name for the same kind stop start-up with an error naming both jars (docs/CONTRACTS.md §5).
 */
public interface ExtensionRegistry {

    /**
     * Binds {@code implementation} under {@code name} for the given kind. The harness creates each instance,
     * so the class may take what it needs through a {@code jakarta.inject.Inject} constructor.
     */
    <T> void add(ExtensionKind<T> kind, String name, Class<? extends T> implementation);

    /**
     * Binds {@code factory} under {@code name} for the given kind; every instance the harness hands out is a
     * fresh {@code factory.get()}. For implementations built from arguments (one class serving several names)
     * rather than injected.
     */
    <T> void add(ExtensionKind<T> kind, String name, Supplier<? extends T> factory);
}
