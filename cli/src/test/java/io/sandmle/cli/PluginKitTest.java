package io.sandmle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.api.Trajectory;
import io.sandmle.runner.config.RepoFiles;
import io.sandmle.runner.store.RunStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The plugin kit as an author outside this repository uses it, with real Maven: the kit is installed from a
 * copy of this checkout into a local repository of its own, a project is generated from the archetype in a
 * folder outside the reactor and built with {@code mvn package} (which runs the project's own unit test), and
 * its jar, dropped into {@code plugins/}, runs one graded episode through {@code ./sandmle eval}.
 *
 * <p>Nothing goes to the shared {@code ~/.m2}: the kit's repository is {@code cli/target/plugin-kit/repository},
 * which reads artifacts it lacks from {@code ~/.m2} (as a read-only file repository) and then Maven Central.
 * Its io.sandmle artifacts are deleted first, so every run builds and installs the kit afresh; third-party
 * artifacts stay until {@code mvn clean}, so a second run needs no network.
 */
class PluginKitTest {

    /** What {@code mvn -P kit install} publishes (README, "Plugin kit"); -am adds the parent pom. */
    private static final String KIT_MODULES = "harness-api,support,junit-api,sandmle-bom,sandmle-archetype";
    private static final Path ROOT = RepoFiles.root();
    private static final Path KIT_DIR = ROOT.resolve("cli/target/plugin-kit");
    private static final Duration MAVEN_TIMEOUT = Duration.ofMinutes(10);

    @TempDir
    Path tmp;

    @Test
    void aScaffoldGeneratedFromTheArchetypeBuildsAgainstTheInstalledKitAndRunsAGradedEpisode() throws Exception {
        Document rootPom = pom(ROOT.resolve("pom.xml"));
        String version = text(rootPom, "/project/version");
        Path repository = KIT_DIR.resolve("repository");
        deleteTree(repository.resolve("io/sandmle"));
        Path settings = seededSettings(KIT_DIR.resolve("settings.xml"));

        Path checkout = copyOfSources(tmp.resolve("checkout"));
        maven(checkout, settings, repository, "-P", "kit", "-pl", KIT_MODULES, "-am", "install", "-Dmaven.test.skip=true");
        Path installed = repository.resolve("io/sandmle/harness-api/" + version);
        assertTrue(Files.isRegularFile(installed.resolve("harness-api-" + version + "-sources.jar"))
                && Files.isRegularFile(installed.resolve("harness-api-" + version + "-javadoc.jar")), installed.toString());

        // The author's side: nothing of the harness's build around it, only the kit in the repository.
        Path authors = Files.createDirectories(tmp.resolve("authors"));
        maven(authors, settings, repository, "org.apache.maven.plugins:maven-archetype-plugin:"
                        + text(rootPom, "/project/properties/maven-archetype.version") + ":generate",
                "-DarchetypeCatalog=internal", "-DarchetypeGroupId=io.sandmle",
                "-DarchetypeArtifactId=sandmle-scaffold-archetype", "-DarchetypeVersion=" + version,
                "-DgroupId=org.example.kit", "-DartifactId=kit-scaffold", "-Dversion=1.0.0",
                "-Dpackage=org.example.kit.scaffold");
        Path project = authors.resolve("kit-scaffold");
        maven(project, settings, repository, "package");
        assertTrue(Files.isRegularFile(project.resolve(
                "target/surefire-reports/TEST-org.example.kit.scaffold.ScriptScaffoldTest.xml")),
                "the generated project's own unit test ran");

        Path work = Files.createDirectories(tmp.resolve("work/plugins")).getParent();
        Files.copy(project.resolve("target/kit-scaffold-1.0.0.jar"), work.resolve("plugins/kit-scaffold-1.0.0.jar"));
        Files.writeString(work.resolve("eval.yaml"), """
                run: kit-eval
                runs-dir: runs
                suites:
                  - {name: synthetic, data-dir: %s}
                seeds: [0]
                scaffolds: [kit-scaffold]
                policies:
                  - {name: scripted, provider: fixed-script}
                executor: {name: local, parallel: 1}
                budget: {max-turns: 3}
                """.formatted(ROOT.resolve("harness-runner/src/test/resources/tasks")));
        String evalOutput = launcher(work, "eval", "--config", "eval.yaml");

        try (RunStore store = RunStore.open(work.resolve("runs/kit-eval"))) {
            List<EpisodeRecord> episodes = store.episodes();
            assertEquals(1, episodes.size(), evalOutput);
            EpisodeRecord episode = episodes.get(0);
            assertEquals("scripted x kit-scaffold", episode.system());
            assertEquals("submitted", episode.endReason(), evalOutput);
            assertNotNull(episode.grade(), evalOutput);
            assertTrue(episode.grade().valid() && episode.grade().score() != null, episode.grade().toString());
            Trajectory trajectory = store.trajectory(episode.episodeId());
            assertEquals("kit-scaffold", trajectory.scaffold());
            assertEquals("execute_code", trajectory.turns().get(0).step().action());
        }
    }

    @Test
    void theBomManagesEveryJarOfTheReactorAtItsVersion() throws Exception {
        Document rootPom = pom(ROOT.resolve("pom.xml"));
        Document bom = pom(ROOT.resolve("sandmle-bom/pom.xml"));
        Set<String> jars = new TreeSet<>();
        for (String module : texts(rootPom, "/project/modules/module")) {
            Document modulePom = pom(ROOT.resolve(module).resolve("pom.xml"));
            if (text(modulePom, "/project/packaging").isEmpty()) {
                jars.add(text(modulePom, "/project/artifactId"));
            }
        }
        Set<String> managed = new TreeSet<>(texts(bom,
                "/project/dependencyManagement/dependencies/dependency[groupId='io.sandmle']/artifactId"));

        assertEquals(jars, managed, "sandmle-bom lists every io.sandmle jar");
        assertEquals(text(rootPom, "/project/version"), text(bom, "/project/version"));
        assertEquals(text(rootPom, "/project/properties/junit.version"), text(bom, "/project/properties/junit.version"));
    }

    /**
     * Settings for a local repository of our own that first reads ~/.m2 as a file repository (releases
     * only, so no stale io.sandmle snapshot can leak in), then Maven Central.
     */
    private static Path seededSettings(Path file) throws IOException {
        String seed = Path.of(System.getProperty("sandmle.maven.repo",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString())).toUri().toString();
        String repository = """
                <id>user-cache</id><url>%s</url>
                <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
                <snapshots><enabled>false</enabled></snapshots>""".formatted(seed);
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                <settings>
                  <profiles><profile><id>seed</id>
                    <repositories><repository>%1$s</repository></repositories>
                    <pluginRepositories><pluginRepository>%1$s</pluginRepository></pluginRepositories>
                  </profile></profiles>
                  <activeProfiles><activeProfile>seed</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository));
        return file;
    }

    /** This checkout's sources without build output, so the nested build leaves the running one's jars alone. */
    private static Path copyOfSources(Path target) throws IOException {
        Set<Path> untracked = Set.of(ROOT.resolve(".git"), ROOT.resolve("runs"), ROOT.resolve("plugins"),
                ROOT.resolve("work"));
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (untracked.contains(dir) || dir.getFileName().toString().equals("target")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(ROOT.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, target.resolve(ROOT.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
        return target;
    }

    /** Runs Maven in {@code dir} with the kit's settings and repository; fails with the log's tail. */
    private static void maven(Path dir, Path settings, Path repository, String... args) throws Exception {
        String home = System.getProperty("sandmle.maven.home");
        List<String> command = new ArrayList<>(List.of(home == null ? "mvn" : Path.of(home, "bin", "mvn").toString(),
                "-B", "-Dstyle.color=never", "-s", settings.toString(), "-Dmaven.repo.local=" + repository));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(KIT_DIR, "maven-", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(MAVEN_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        if (!finished || process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            throw new AssertionError(String.join(" ", command) + " in " + dir + (finished ? " failed" : " timed out")
                    + " (log: " + log + "):\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40),
                    lines.size())));
        }
        Files.delete(log);
    }

    /** Runs the real ./sandmle script in {@code workdir} on this build's class path; returns what it printed. */
    private static String launcher(Path workdir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("sandmle").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workdir.toFile()).redirectErrorStream(true);
        builder.environment().put("SANDMLE_CLASSPATH", System.getProperty("java.class.path"));
        builder.environment().put("SANDMLE_NO_PROVISION", "1");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        return out;
    }

    private static Document pom(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static String text(Document pom, String xpath) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(xpath, pom).strip();
    }

    private static List<String> texts(Document pom, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, pom, XPathConstants.NODESET);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().strip());
        }
        return values;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
