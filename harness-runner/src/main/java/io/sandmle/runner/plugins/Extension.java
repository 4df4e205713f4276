package io.sandmle.runner.plugins;

import io.sandmle.api.ExtensionKind;

/**
 * One extension a plugin registered: its kind, short name, implementation and where it came from.
 *
 * @param kind           what it extends
 * @param name           the short name configs refer to
 * @param implementation the class bound under that name
 * @param plugin         the registering plugin's name
 * @param source         the jar or folder the implementation was loaded from
 */
public record Extension(ExtensionKind<?> kind, String name, Class<?> implementation, String plugin, String source) {
}
