package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin jars in a plugin folder, built here from a few lines of source: a scaffold appears in
 * {@code sandmle plugins} with its jar only once the jar is in the folder, and a second jar claiming the
 * same name stops start-up with one sentence naming both jars. A plugin built the way an author builds one
 * (archetype, BOM, {@code mvn package}) and run for real is {@link PluginKitTest}'s job.
 */
class PluginFolderTest {

    @TempDir
    Path tmp;

    @Test
    void pluginsListsTheScaffoldWithItsJarOnlyOnceTheJarIsInThePluginFolder() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("plugins"));
        CliRun before = CliRun.of("plugins", "--plugin-path", folder.toString());
        assertEquals(0, before.exitCode(), before.err());
        assertFalse(before.out().contains("hello-scaffold"), before.out());

        scaffoldPlugin("hello", "hello-scaffold", folder.resolve("hello-plugin.jar"));
        CliRun after = CliRun.of("plugins", "--plugin-path", folder.toString());
        assertEquals(0, after.exitCode(), after.err());
        assertTrue(after.out().lines().anyMatch(l -> l.matches(
                "\\s+hello-scaffold\\s+hello\\.HelloScaffold\\s+hello-plugin\\.jar")), after.out());
    }

    @Test
    void twoJarsClaimingOneNameAreOneSentenceNamingBothJars() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("plugins"));
        scaffoldPlugin("hello", "hello-scaffold", folder.resolve("hello-plugin.jar"));
        scaffoldPlugin("rival", "hello-scaffold", folder.resolve("rival-plugin.jar"));

        CliRun run = CliRun.of("plugins", "--plugin-path", folder.toString());

        assertEquals(SandmleCommand.BAD_INPUT, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("'hello-scaffold'") && run.err().contains("hello-plugin.jar")
                && run.err().contains("rival-plugin.jar"), run.err());
    }

    /**
     * Builds {@code jar}: package {@code pkg} with a plugin registering a scaffold (that never runs here)
     * as {@code name}, listed in its service file.
     */
    private void scaffoldPlugin(String pkg, String name, Path jar) throws IOException {
        String type = Character.toUpperCase(pkg.charAt(0)) + pkg.substring(1);
        Path sources = tmp.resolve(pkg + "/src/main");
        Files.createDirectories(sources.resolve("java/" + pkg));
        Files.createDirectories(sources.resolve("resources/META-INF/services"));
        Files.writeString(sources.resolve("java/" + pkg + "/" + type + "Plugin.java"), """
                package %1$s;
                public final class %2$sPlugin implements io.sandmle.api.HarnessPlugin {
                    public void register(io.sandmle.api.ExtensionRegistry registry) {
                        registry.add(io.sandmle.api.ExtensionKind.SCAFFOLD, "%3$s", %2$sScaffold.class);
                    }
                }
                """.formatted(pkg, type, name));
        Files.writeString(sources.resolve("java/" + pkg + "/" + type + "Scaffold.java"), """
                package %1$s;
                public final class %2$sScaffold implements io.sandmle.api.Scaffold {
                    public io.sandmle.api.ResponseFormat responseFormat() {
                        return io.sandmle.api.ResponseFormat.FREE_TEXT;
                    }
                    public io.sandmle.api.Trajectory run(io.sandmle.api.Episode episode) {
                        throw new UnsupportedOperationException();
                    }
                }
                """.formatted(pkg, type));
        Files.writeString(sources.resolve("resources/META-INF/services/io.sandmle.api.HarnessPlugin"),
                pkg + "." + type + "Plugin\n");
        PluginJars.build(sources, jar);
    }
}
