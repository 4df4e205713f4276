package io.sandmle.runner.plugins;

import io.sandmle.api.ExtensionKind;
import java.util.function.Supplier;

/**
 * One extension a plugin registered: its kind, short name, how instances are made and where it came from.
 * Exactly one of {@code implementation} and {@code factory} is set.
 *
 * @param kind           what it extends
 * @param name           the short name configs refer to
 * @param implementation the class bound under that name (created and injected by Guice), or {@code null}
 * @param factory        the supplier of instances when the plugin registered one, or {@code null}
 * @param plugin         the registering plugin's name
 * @param source         the jar or folder the implementation (or factory) was loaded from
 */
public record Extension(ExtensionKind<?> kind, String name, Class<?> implementation, Supplier<?> factory,
                        String plugin, String source) {

    public Extension {
        if ((implementation == null) == (factory == null)) {
            throw new IllegalArgumentException("an extension has either a class or a factory");
        }
    }

    /** What listings show as the implementation: the class name, or the plugin that supplies instances. */
    public String implementationName() {
        return implementation != null ? implementation.getName() : "(supplied by " + plugin + ")";
    }
}
