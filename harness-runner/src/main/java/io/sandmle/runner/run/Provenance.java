package io.sandmle.runner.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.sandmle.runner.rollout.EvalPlan;
import io.sandmle.runner.rollout.Shard;
import io.sandmle.runner.plugins.Extension;
import io.sandmle.runner.plugins.Extensions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What produced a run, recorded each time the run is opened (start and every resume): the harness version,
 * the git revision of the working folder, every plugin jar with its SHA-256, and the resolved config, so a
 * number in a report can be traced back to the exact code and settings behind it.
 *
 * @param openedAt       when the run was opened
 * @param harnessVersion the harness's Maven version
 * @param gitRevision    {@code git rev-parse HEAD} of the working folder ({@code +dirty} with local changes), or
 *                       {@code unknown} outside a checkout
 * @param plugins        where each plugin's classes came from, with a content hash for jars
 * @param config         the resolved config as YAML
 * @param shard          the shard this process ran ({@code i/n}), absent for an unsharded run
 * @param planFingerprint the {@link EvalPlan#fingerprint} of the whole plan the shard was cut from, absent for an
 *                       unsharded run; a merge checks that every shard has the same one
 */
public record Provenance(@JsonProperty("opened_at") String openedAt,
                         @JsonProperty("harness_version") String harnessVersion,
                         @JsonProperty("git_revision") String gitRevision,
                         List<PluginSource> plugins, String config,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String shard,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("plan_fingerprint")
                         String planFingerprint) {

    /** The file, in a run folder, that holds one provenance line per start or resume. */
    public static final String FILE = "provenance.jsonl";

    /** One plugin's code: a jar with its SHA-256, or a class folder (no hash: it changes with every build). */
    public record PluginSource(String plugin, String source, String sha256) {
    }

    /**
     * Reads what is true of this process now.
     *
     * @param shard the shard this process runs, or {@code null}; {@code planFingerprint} goes with it
     */
    static Provenance now(Extensions extensions, String configYaml, Shard shard, String planFingerprint) {
        TreeMap<String, PluginSource> sources = new TreeMap<>();
        for (Extension e : extensions.list()) {
            sources.computeIfAbsent(e.source(), s -> new PluginSource(e.plugin(), s, sha256(Path.of(s))));
        }
        return new Provenance(Instant.now().toString(), currentVersion(), currentGitRevision(),
                List.copyOf(sources.values()), configYaml, shard == null ? null : shard.toString(), planFingerprint);
    }

    /** The version Maven wrote into {@code harness.properties} at build time. */
    public static String currentVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("harness.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String currentGitRevision() {
        String head = git("rev-parse", "HEAD");
        if (head.isEmpty()) {
            return "unknown";
        }
        return git("status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "+dirty";
    }

    private static String git(String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("git"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            boolean ended = p.waitFor(5, TimeUnit.SECONDS);
            return ended && p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            return ""; // no git on this machine: the revision is unknown, the run goes on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String sha256(Path source) {
        if (!Files.isRegularFile(source)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(source)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot hash the plugin jar " + source + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
