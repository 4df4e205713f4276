package io.sandmle.junit.engine;

import io.sandmle.junit.BenchmarkSuite;

import io.sandmle.runner.plugins.Extensions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * The {@code sandmle} JUnit Platform engine: runs benchmark suites declared with {@link BenchmarkSuite} on a
 * class or in {@code *.suite.yaml} files, so that {@code mvn test} or the JUnit ConsoleLauncher can gate a
 * model release on a benchmark. Each suite runs as one {@code sandmle eval} (same run folder and report);
 * each task × seed × system is one test, scores are published as report entries.
 *
 * <p>Configuration parameters: {@code sandmle.runs-dir} puts run folders there instead of the config's
 * {@code runs-dir}; {@code sandmle.run-id} names the run (and resumes it when it exists) instead of a fresh
 * {@code <run>-<timestamp>} per launch.
 */
public final class SandmleTestEngine implements TestEngine {

    /** The engine id ({@code --include-engine sandmle}). */
    public static final String ID = "sandmle";

    private static final Predicate<Class<?>> IS_SUITE = c -> AnnotationSupport.isAnnotated(c, BenchmarkSuite.class);

    private Extensions extensions;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("io.sandmle");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("junit-engine");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        Map<String, SuiteSpec> found = new LinkedHashMap<>();
        request.getSelectorsByType(ClassSelector.class).forEach(s -> addClass(found, s.getJavaClass()));
        request.getSelectorsByType(PackageSelector.class).forEach(s -> ReflectionSupport
                .findAllClassesInPackage(s.getPackageName(), IS_SUITE, n -> true).forEach(c -> addClass(found, c)));
        for (ClasspathRootSelector s : request.getSelectorsByType(ClasspathRootSelector.class)) {
            ReflectionSupport.findAllClassesInClasspathRoot(s.getClasspathRoot(), IS_SUITE, n -> true)
                    .forEach(c -> addClass(found, c));
            if ("file".equals(s.getClasspathRoot().getScheme())) {
                suiteFilesUnder(Path.of(s.getClasspathRoot())).forEach(f -> addFile(found, f));
            }
        }
        for (ClasspathResourceSelector s : request.getSelectorsByType(ClasspathResourceSelector.class)) {
            resourceFile(s.getClasspathResourceName()).filter(SandmleTestEngine::isSuiteFile)
                    .ifPresent(f -> addFile(found, f));
        }
        request.getSelectorsByType(FileSelector.class).stream().map(FileSelector::getPath)
                .filter(SandmleTestEngine::isSuiteFile).forEach(f -> addFile(found, f));
        request.getSelectorsByType(DirectorySelector.class)
                .forEach(s -> suiteFilesUnder(s.getPath()).forEach(f -> addFile(found, f)));
        List<UniqueId> wanted = request.getSelectorsByType(UniqueIdSelector.class).stream()
                .map(UniqueIdSelector::getUniqueId).filter(id -> id.hasPrefix(uniqueId) && id.getSegments().size() > 1)
                .toList();
        wanted.forEach(id -> addByKey(found, id.getSegments().get(1).getValue()));

        EngineDescriptor engine = new EngineDescriptor(uniqueId, "SandMLE benchmark suites");
        SuiteDiscovery discovery = new SuiteDiscovery(this::extensions);
        found.forEach((key, spec) -> engine.addChild(discovery.describe(uniqueId, key, spec)));
        if (!wanted.isEmpty() && request.getSelectorsByType(ClassSelector.class).isEmpty()) {
            keepOnly(engine, wanted);
        }
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        new SuiteExecution(request.getEngineExecutionListener(), request.getConfigurationParameters(),
                this::extensions).run(request.getRootTestDescriptor());
    }

    /** The plugins on the class path, loaded once per engine instance (at the first suite that needs them). */
    private synchronized Extensions extensions() {
        if (extensions == null) {
            extensions = Extensions.load(List.of());
        }
        return extensions;
    }

    private static void addClass(Map<String, SuiteSpec> found, Class<?> type) {
        AnnotationSupport.findAnnotation(type, BenchmarkSuite.class).ifPresent(a -> found.putIfAbsent(
                "class:" + type.getName(), suiteOf(type, a)));
    }

    private static SuiteSpec suiteOf(Class<?> type, BenchmarkSuite a) {
        try {
            return new SuiteSpec(type.getSimpleName(), configPath(type, a.config()), a.passWhen(),
                    SuiteSpec.rates(a.minValidRate(), a.minAboveMedianRate(), a.minMedalRate(), a.confidence()),
                    ClassSource.from(type), null);
        } catch (IllegalArgumentException e) {
            return SuiteSpec.broken(type.getSimpleName(), ClassSource.from(type), e);
        }
    }

    private static void addFile(Map<String, SuiteSpec> found, Path file) {
        String key = "file:" + file.toAbsolutePath().normalize();
        if (!found.containsKey(key)) {
            SuiteSpec spec;
            try {
                spec = SuiteFile.read(file);
            } catch (IllegalArgumentException e) {
                spec = SuiteSpec.broken(file.getFileName().toString(), FileSource.from(file.toFile()), e);
            }
            found.put(key, spec);
        }
    }

    /** Re-finds a suite from the value of its unique-id segment ({@code class:…} or {@code file:…}). */
    private static void addByKey(Map<String, SuiteSpec> found, String key) {
        if (key.startsWith("class:")) {
            ReflectionSupport.tryToLoadClass(key.substring("class:".length())).toOptional()
                    .ifPresent(c -> addClass(found, c));
        } else if (key.startsWith("file:")) {
            addFile(found, Path.of(key.substring("file:".length())));
        }
    }

    /**
     * Drops every test not named by (or under) a selected unique id. A selected rate test keeps its whole
     * suite, since the rate is computed over the suite's episodes.
     */
    private static void keepOnly(TestDescriptor engine, List<UniqueId> selected) {
        List<UniqueId> wanted = selected.stream().map(id -> id.getLastSegment().getType().equals(RateDescriptor.SEGMENT)
                ? id.removeLastSegment() : id).toList();
        List<TestDescriptor> all = List.copyOf(engine.getDescendants());
        for (TestDescriptor d : all) {
            boolean keep = wanted.stream().anyMatch(w -> d.getUniqueId().hasPrefix(w) || w.hasPrefix(d.getUniqueId()));
            if (!keep) {
                d.removeFromHierarchy();
            }
        }
    }

    /**
     * A config named by an annotation: the class-path resource of that name when it is a plain file (the
     * usual case, from src/test/resources), else the path itself relative to the working folder.
     */
    static Path configPath(Class<?> type, String config) {
        return resourceFile(config, type.getClassLoader()).orElse(Path.of(config));
    }

    private static Optional<Path> resourceFile(String name) {
        return resourceFile(name, Thread.currentThread().getContextClassLoader());
    }

    private static Optional<Path> resourceFile(String name, ClassLoader loader) {
        URL url = loader == null ? null : loader.getResource(name.startsWith("/") ? name.substring(1) : name);
        if (url == null || !"file".equals(url.getProtocol())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean isSuiteFile(Path p) {
        return p.getFileName() != null && p.getFileName().toString().endsWith(SuiteFile.SUFFIX) && Files.isRegularFile(p);
    }

    private static List<Path> suiteFilesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(SandmleTestEngine::isSuiteFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
