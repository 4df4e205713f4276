package io.sandmle.runner.plugins;

import io.sandmle.api.ExtensionKind;
import io.sandmle.api.ExtensionRegistry;
import io.sandmle.api.HarnessPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Finds every {@link HarnessPlugin} on the class path and in the plugin folders, and collects the
 * extensions they register. Plugin jars get their own class loader whose parent is the harness's,
 * so a jar dropped in {@code plugins/} needs no change to the harness.
 */
public final class PluginLoader {

    private PluginLoader() {
    }

    /** Loads plugins from the class path plus every {@code *.jar} in the given folders or files. */
    public static List<Extension> load(List<Path> pluginPaths) {
        ClassLoader loader = classLoaderFor(pluginPaths);
        try {
            return collect(ServiceLoader.load(HarnessPlugin.class, loader));
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new IllegalArgumentException("A plugin cannot be loaded (" + e.getMessage() + "); rebuild its jar "
                    + "against this harness-api or remove it from " + pluginPaths + ".", e);
        }
    }

    /** The extensions {@code plugins} register, in order; a name claimed twice for one kind is a conflict. */
    static List<Extension> collect(Iterable<HarnessPlugin> plugins) {
        Map<String, Extension> byKindAndName = new LinkedHashMap<>();
        for (HarnessPlugin plugin : plugins) {
            plugin.register(new Collector(plugin, byKindAndName));
        }
        return List.copyOf(byKindAndName.values());
    }

    private static ClassLoader classLoaderFor(List<Path> pluginPaths) {
        List<URL> jars = new ArrayList<>();
        for (Path path : pluginPaths) {
            jars.addAll(jarsIn(path));
        }
        ClassLoader parent = PluginLoader.class.getClassLoader();
        return jars.isEmpty() ? parent : new URLClassLoader(jars.toArray(URL[]::new), parent);
    }

    private static List<URL> jarsIn(Path path) {
        if (!Files.exists(path)) {
            return List.of();
        }
        try (Stream<Path> files = Files.isDirectory(path) ? Files.list(path) : Stream.of(path)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().map(PluginLoader::toUrl).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list plugin folder " + path + ": " + e.getMessage(), e);
        }
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a usable plugin path: " + jar, e);
        }
    }

    /** Where a class was loaded from, as a file name (jar) or folder path. */
    static String sourceOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "(unknown)";
        }
        String location = source.getLocation().getPath();
        return location.endsWith(".jar") ? Path.of(location).getFileName().toString() : location;
    }

    private record Collector(HarnessPlugin plugin, Map<String, Extension> byKindAndName) implements ExtensionRegistry {

        @Override
        public <T> void add(ExtensionKind<T> kind, String name, Class<? extends T> implementation) {
            put(new Extension(kind, name, implementation, null, plugin.name(), sourceOf(implementation)));
        }

        @Override
        public <T> void add(ExtensionKind<T> kind, String name, Supplier<? extends T> factory) {
            put(new Extension(kind, name, null, factory, plugin.name(), sourceOf(plugin.getClass())));
        }

        private void put(Extension added) {
            Extension earlier = byKindAndName.putIfAbsent(added.kind().id() + ":" + added.name(), added);
            if (earlier != null) {
                throw new PluginConflictException("Two plugins claim the " + added.kind().id() + " name '"
                        + added.name() + "': " + earlier.plugin() + " (" + earlier.source() + ") and "
                        + added.plugin() + " (" + added.source() + "); remove one of the jars or rename one extension.");
            }
        }
    }
}
