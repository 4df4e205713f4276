package io.sandmle.cli;

import io.sandmle.api.HarnessPlugin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a plugin jar from a Maven-layout source folder ({@code src/main/java}, {@code src/main/resources})
 * with the JDK's compiler against this build's harness-api, as {@code mvn package} of a plugin would.
 */
final class PluginJars {

    private PluginJars() {
    }

    /** Compiles {@code moduleSrcMain}'s sources into {@code jar}, with its resources. */
    static Path build(Path moduleSrcMain, Path jar) throws IOException {
        Path classes = Files.createTempDirectory(jar.getParent(), "classes");
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(), "-cp",
                Path.of(HarnessPlugin.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString()));
        args.addAll(files(moduleSrcMain.resolve("java")).stream().filter(p -> p.toString().endsWith(".java"))
                .map(Path::toString).toList());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("The plugin sources in " + moduleSrcMain + " do not compile");
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, classes);
            add(out, moduleSrcMain.resolve("resources"));
        }
        return jar;
    }

    private static void add(JarOutputStream out, Path root) throws IOException {
        for (Path file : files(root)) {
            out.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
            Files.copy(file, out);
            out.closeEntry();
        }
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
