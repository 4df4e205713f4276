package io.sandmle.runner.run;

import io.sandmle.runner.rollout.Shard;
import io.sandmle.runner.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The shards of a sharded run folder: {@code <run>/shards/<i>-of-<n>/}, each a complete run folder of its own
 * (config.yaml, provenance.jsonl, run.duckdb, episodes/), written by one {@code sandmle eval --shard i/n} process.
 * The merged run lives in {@code <run>/} itself.
 */
public final class ShardFolders {

    private ShardFolders() {
    }

    /** The shard folders found under {@code runDir/shards}, by shard (index order); folders of other names are left out. */
    static Map<Shard, Path> list(Path runDir) throws IOException {
        Map<Shard, Path> shards = new TreeMap<>((a, b) -> a.count() != b.count()
                ? Integer.compare(a.count(), b.count()) : Integer.compare(a.index(), b.index()));
        Path root = runDir.resolve("shards");
        if (!Files.isDirectory(root)) {
            return shards;
        }
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                Shard.ofFolderName(folder.getFileName().toString()).ifPresent(s -> shards.put(s, folder));
            }
        }
        return shards;
    }

    /**
     * The config a shard of the run {@code runDir} runs with: its own {@code config.yaml}, or, for a shard that has
     * not started yet, that of any other shard of the run (a merge checks they are all the same).
     *
     * @throws IllegalArgumentException when no shard of the run has started
     */
    public static Path configOf(Path runDir, Shard shard) throws IOException {
        return keptConfig(runDir, shard).orElseThrow(() -> new IllegalArgumentException("No shard of run " + runDir
                + " has started, so there is no config to resume shard " + shard + " with; start it with "
                + "'sandmle eval --config <yaml> --shard " + shard + "'."));
    }

    private static Optional<Path> keptConfig(Path runDir, Shard shard) throws IOException {
        Path own = shard.folderIn(runDir).resolve("config.yaml");
        if (Files.isRegularFile(own)) {
            return Optional.of(own);
        }
        // Shards start at once on a cluster: a sibling's folder may exist before its config.yaml (written atomically).
        return list(runDir).values().stream().map(f -> f.resolve("config.yaml")).filter(Files::isRegularFile)
                .findFirst();
    }

    /**
     * Refuses to start or resume {@code shard} in {@code runDir} when it would not merge: the folder holds an
     * unsharded run, shards cut into another number of parts, or shards (this one or others) of another config.
     */
    static void checkFits(Path runDir, Shard shard, String configYaml) throws IOException {
        Map<Shard, Path> existing = list(runDir);
        if (existing.isEmpty() && Files.exists(runDir.resolve(RunStore.DATABASE))) {
            throw new IllegalArgumentException("Run folder " + runDir + " holds an unsharded run; give the config "
                    + "another run name to run it in shards.");
        }
        Optional<Shard> otherCut = existing.keySet().stream().filter(s -> s.count() != shard.count()).findFirst();
        if (otherCut.isPresent()) {
            throw new IllegalArgumentException("Run folder " + runDir + " already holds shard " + otherCut.get()
                    + ", cut into " + otherCut.get().count() + " shards, so --shard " + shard + " would not merge "
                    + "with it; use --shard i/" + otherCut.get().count() + " or give the config another run name.");
        }
        Optional<Path> kept = keptConfig(runDir, shard);
        if (kept.isPresent() && !Files.readString(kept.get()).equals(configYaml)) {
            throw new IllegalArgumentException("Shard " + shard + " would run another config than the shards of run "
                    + runDir.getFileName() + " already did (" + kept.get() + " differs from this one), and shards of "
                    + "two configs do not merge; use that config, or give this config another run name.");
        }
    }
}
