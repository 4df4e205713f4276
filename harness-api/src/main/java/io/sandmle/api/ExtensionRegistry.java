package io.sandmle.api;

/**
 * What a {@link HarnessPlugin} is handed to declare its extensions. Names are short and
 * lower-case ({@code react}, {@code grpo}, {@code mle-bench-lite}); two plugins that claim the
 * same name for the same kind stop start-up with an error naming both jars.
 */
public interface ExtensionRegistry {

    /** Binds {@code implementation} under {@code name} for the given kind. */
    <T> void add(ExtensionKind<T> kind, String name, Class<? extends T> implementation);
}
