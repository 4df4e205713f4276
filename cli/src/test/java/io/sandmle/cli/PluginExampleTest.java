package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.ChatRequest;
import io.sandmle.api.ChatResponse;
import io.sandmle.api.Episode;
import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.ExtensionKind;
import io.sandmle.api.LanguageModel;
import io.sandmle.api.Modality;
import io.sandmle.api.Sampling;
import io.sandmle.api.Scaffold;
import io.sandmle.api.Task;
import io.sandmle.api.Trajectory;
import io.sandmle.runner.config.RepoFiles;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.store.RunStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugin in examples/plugin-example, built from its real sources: it appears in
 * {@code sandmle plugins} only once its jar is in the plugin folder, its scaffold runs, and a second
 * jar claiming the same name stops start-up with one sentence naming both jars.
 */
class PluginExampleTest {

    private static final Path EXAMPLE_SOURCES = RepoFiles.root().resolve("examples/plugin-example/src/main");
    private static final String RIVAL_PLUGIN = """
            package rival;
            public final class RivalPlugin implements io.sandmle.api.HarnessPlugin {
                public void register(io.sandmle.api.ExtensionRegistry registry) {
                    registry.add(io.sandmle.api.ExtensionKind.SCAFFOLD, "hello-scaffold", RivalScaffold.class);
                }
            }
            """;
    private static final String RIVAL_SCAFFOLD = """
            package rival;
            public final class RivalScaffold implements io.sandmle.api.Scaffold {
                public io.sandmle.api.Trajectory run(io.sandmle.api.Episode episode) {
                    throw new UnsupportedOperationException();
                }
            }
            """;

    @TempDir
    static Path built;
    private static Path helloJar;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildTheExamplePlugin() throws IOException {
        helloJar = PluginJars.build(EXAMPLE_SOURCES, built.resolve("hello-scaffold-plugin.jar"));
    }

    @Test
    void pluginsListsTheScaffoldWithItsJarOnlyOnceTheJarIsInThePluginFolder() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("plugins"));
        CliRun before = CliRun.of("plugins", "--plugin-path", folder.toString());
        assertEquals(0, before.exitCode(), before.err());
        assertFalse(before.out().contains("hello-scaffold"), before.out());

        Files.copy(helloJar, folder.resolve("hello-scaffold-plugin.jar"));
        CliRun after = CliRun.of("plugins", "--plugin-path", folder.toString());
        assertEquals(0, after.exitCode(), after.err());
        assertTrue(after.out().lines().anyMatch(l -> l.matches(
                "\\s+hello-scaffold\\s+io\\.sandmle\\.examples\\.hello\\.HelloScaffold\\s+hello-scaffold-plugin\\.jar")),
                after.out());
    }

    @Test
    void theLauncherScriptFindsTheJarInPluginsOfTheCurrentFolder() throws Exception {
        Path workdir = Files.createDirectories(tmp.resolve("work"));
        assertFalse(launcher(workdir, "plugins").contains("hello-scaffold"));

        Files.createDirectories(workdir.resolve("plugins"));
        Files.copy(helloJar, workdir.resolve("plugins/hello-scaffold-plugin.jar"));
        String listing = launcher(workdir, "plugins");
        assertTrue(listing.contains("hello-scaffold") && listing.contains("hello-scaffold-plugin.jar"), listing);
    }

    @Test
    void theExampleScaffoldRunsAndItsTrajectoryIsStored() {
        Scaffold scaffold = Extensions.load(List.of(helloJar)).create(ExtensionKind.SCAFFOLD, "hello-scaffold");
        Task task = new Task(Task.SCHEMA_VERSION, "spaceship", "Spaceship Titanic", "accuracy", false, null,
                Modality.TABULAR, "binary", "tabular", Map.of(), tmp);
        Episode episode = new Episode("ep-1", task, null, new CannedModel("Gradient boosting on the tabular features."),
                null, Sampling.defaults(), 7);

        Trajectory trajectory = scaffold.run(episode);

        assertEquals("answered", trajectory.endReason());
        assertEquals(1, trajectory.turns().size());
        assertTrue(trajectory.turns().get(0).prompt().get(1).content().contains("Spaceship Titanic"));
        try (RunStore store = RunStore.open(tmp.resolve("run"))) {
            store.append(new EpisodeRecord(EpisodeRecord.SCHEMA_VERSION, "run", "ep-1", "canned x hello-scaffold",
                    "synthetic", "spaceship", "tabular", 7, null, 0, trajectory.endReason(), trajectory.wallMillis(), 1),
                    trajectory);
            assertEquals("Gradient boosting on the tabular features.",
                    store.trajectory("ep-1").turns().get(0).response().content());
        }
    }

    @Test
    void twoJarsClaimingOneNameAreOneSentenceNamingBothJars() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("plugins"));
        Files.copy(helloJar, folder.resolve("hello-scaffold-plugin.jar"));
        Path rivalSources = tmp.resolve("rival/src/main");
        Files.createDirectories(rivalSources.resolve("java/rival"));
        Files.createDirectories(rivalSources.resolve("resources/META-INF/services"));
        Files.writeString(rivalSources.resolve("java/rival/RivalPlugin.java"), RIVAL_PLUGIN);
        Files.writeString(rivalSources.resolve("java/rival/RivalScaffold.java"), RIVAL_SCAFFOLD);
        Files.writeString(rivalSources.resolve("resources/META-INF/services/io.sandmle.api.HarnessPlugin"),
                "rival.RivalPlugin\n");
        PluginJars.build(rivalSources, folder.resolve("rival-plugin.jar"));

        CliRun run = CliRun.of("plugins", "--plugin-path", folder.toString());

        assertEquals(SandmleCommand.BAD_INPUT, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("'hello-scaffold'") && run.err().contains("hello-scaffold-plugin.jar")
                && run.err().contains("rival-plugin.jar"), run.err());
    }

    /** Runs the real ./sandmle script in {@code workdir} on this build's class path. */
    private static String launcher(Path workdir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(RepoFiles.root().resolve("sandmle").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true);
        builder.environment().put("SANDMLE_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("SANDMLE_NO_PROVISION", "1");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        return out;
    }

    /** A policy that always gives the same answer. */
    private record CannedModel(String answer) implements LanguageModel {
        @Override
        public String id() {
            return "canned";
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            return new ChatResponse(answer, null, List.of(), null, "stop", null, 1);
        }
    }
}
