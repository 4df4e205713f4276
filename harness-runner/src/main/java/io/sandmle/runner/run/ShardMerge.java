package io.sandmle.runner.run;

import io.sandmle.api.EpisodeRecord;
import io.sandmle.runner.config.ConfigLoader;
import io.sandmle.runner.config.ExperimentConfig;
import io.sandmle.runner.plugins.Extensions;
import io.sandmle.runner.rollout.EvalPlan;
import io.sandmle.runner.rollout.EvalRun;
import io.sandmle.runner.rollout.RunSummary;
import io.sandmle.runner.rollout.Shard;
import io.sandmle.runner.store.DurableFiles;
import io.sandmle.runner.store.RunSnapshot;
import io.sandmle.runner.store.RunStore;
import io.sandmle.support.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds one run out of the shards of a sharded evaluation ({@code <run>/shards/<i>-of-<n>/}, see
 * {@link ShardFolders}): checks that every shard ran the same config and was cut from the same plan, that together
 * they hold every planned episode exactly once, then adopts each shard's episodes (records, trajectories and every
 * file of their folders) into the run folder's own store, writes the shards' provenance next to it and writes the
 * report. Shards are only read. A merge can be repeated: episodes already merged are skipped, and a merge killed
 * half-way resumes, since the store's commit protocol holds for adopted episodes as for appended ones.
 */
public final class ShardMerge {

    private static final int NAMED_EPISODES = 3;

    private final Path runDir;
    private final Extensions extensions;

    /** What a merge left: the run's episodes by system, how many came from the shards this time, the report. */
    public record Merged(Path runDir, int shards, int planned, int added, List<String> missing,
                         List<RunSummary.Row> summary, Optional<Path> report) {
    }

    public ShardMerge(Path runDir, Extensions extensions) {
        this.runDir = runDir;
        this.extensions = extensions;
    }

    /**
     * Merges the shards.
     *
     * @param partial merge what the shards hold even when planned episodes are missing or a shard is still running
     *                (the report says it is partial); without it such a merge is refused and nothing is written
     * @throws IllegalArgumentException when the shards do not belong to one run (count, config or plan differ)
     * @throws IllegalStateException    when episodes are missing or a shard still runs, and {@code partial} is false
     */
    public Merged merge(boolean partial) throws IOException {
        Map<Shard, Path> shards = ShardFolders.list(runDir);
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("Run folder " + runDir + " has no shards (no shards/<i>-of-<n>/ "
                    + "folder); run 'sandmle eval --config <yaml> --shard i/n' for each i first.");
        }
        Shard first = shards.keySet().iterator().next();
        Path configFile = shards.get(first).resolve("config.yaml");
        String yaml = Files.readString(configFile);
        checkOneRun(shards, first, yaml);
        ExperimentConfig config = ConfigLoader.load(configFile);
        List<String> planIds = new EvalRun(config, extensions).planIds();
        String fingerprint = EvalPlan.fingerprint(planIds);
        for (var shard : shards.entrySet()) {
            checkPlan(shard.getKey(), shard.getValue(), fingerprint);
        }

        Map<String, Path> found = new LinkedHashMap<>(); // episode id -> its folder in a shard
        Map<String, EpisodeRecord> records = new HashMap<>();
        List<String> caveats = new ArrayList<>();
        for (var shard : shards.entrySet()) {
            if (!Files.isRegularFile(shard.getValue().resolve(RunStore.DATABASE))) {
                continue; // killed before its store was created: it holds no episode yet
            }
            RunSnapshot snapshot = RunSnapshot.read(shard.getValue());
            if (snapshot.beingWritten()) {
                String sentence = "Shard " + shard.getKey() + " was still being written when it was merged, so "
                        + "the merge holds only the episodes it had recorded by then.";
                if (!partial) {
                    throw new IllegalStateException("Shard " + shard.getKey() + " of run " + runDir + " is still "
                            + "running (its process holds " + RunStore.DATABASE + "); merge when it has ended, or "
                            + "merge what it has with --partial.");
                }
                caveats.add(sentence);
            }
            Set<String> part = Set.copyOf(shard.getKey().selectIds(planIds));
            for (EpisodeRecord r : snapshot.episodes()) {
                if (!part.contains(r.episodeId())) {
                    throw new IllegalArgumentException("Shard " + shard.getKey() + " holds episode " + r.episodeId()
                            + ", which is not in its part of the plan (the parts are disjoint, so no episode is "
                            + "merged twice); rerun that shard in a fresh folder.");
                }
                found.put(r.episodeId(), shard.getValue().resolve("episodes").resolve(r.episodeId()));
                records.put(r.episodeId(), r);
            }
        }
        List<String> missing = planIds.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            if (!partial) {
                throw new IllegalStateException(missingSentence(first.count(), planIds, missing));
            }
            caveats.add("Partial merge: " + missing.size() + " of " + planIds.size() + " planned episodes are missing "
                    + "from the shards of this run; rerun those shards and merge again.");
        }
        return write(config, yaml, shards, planIds, found, records, missing, caveats);
    }

    private Merged write(ExperimentConfig config, String yaml, Map<Shard, Path> shards, List<String> planIds,
                         Map<String, Path> found, Map<String, EpisodeRecord> records, List<String> missing,
                         List<String> caveats) throws IOException {
        Path kept = runDir.resolve("config.yaml");
        if (Files.exists(kept) && !Files.readString(kept).equals(yaml)) {
            throw new IllegalArgumentException("Run folder " + runDir + " already holds a run of another config ("
                    + kept + " differs from its shards'); merge the shards into a run folder of their own.");
        }
        int added = 0;
        try (RunStore store = RunStore.open(runDir)) {
            Set<String> merged = store.finishedEpisodeIds();
            Set<String> planned = Set.copyOf(planIds);
            Optional<String> stranger = merged.stream().filter(id -> !planned.contains(id)).sorted().findFirst();
            if (stranger.isPresent()) {
                throw new IllegalArgumentException("Run folder " + runDir + " already holds episode " + stranger.get()
                        + ", which its shards' plan lacks; merge the shards into a run folder of their own.");
            }
            for (String id : planIds) {
                if (found.containsKey(id) && !merged.contains(id)) {
                    store.adopt(records.get(id), found.get(id));
                    added++;
                }
            }
            if (!Files.exists(kept)) {
                DurableFiles.writeAtomically(kept, yaml.getBytes(StandardCharsets.UTF_8));
            }
            DurableFiles.writeAtomically(runDir.resolve(Provenance.FILE), provenanceOf(shards));
            Optional<Path> report = Experiment.writeReport(config, extensions, store, caveats);
            return new Merged(runDir, shards.size(), planIds.size(), added, missing,
                    RunSummary.of(store.episodes()), report);
        }
    }

    /** Every shard cut into the same number of parts, with the same config. */
    private static void checkOneRun(Map<Shard, Path> shards, Shard first, String yaml) throws IOException {
        for (var shard : shards.entrySet()) {
            Shard s = shard.getKey();
            if (s.count() != first.count()) {
                throw new IllegalArgumentException("Shards " + first + " and " + s + " cut the plan into different "
                        + "numbers of parts; a run's shards all use --shard i/" + first.count() + " (remove "
                        + shard.getValue() + " or the others).");
            }
            Path config = shard.getValue().resolve("config.yaml");
            if (!Files.isRegularFile(config) || !Files.readString(config).equals(yaml)) {
                throw new IllegalArgumentException("Shard " + s + " ran another config than shard " + first + " ("
                        + config + " differs); a merge needs the shards of one config, so rerun shard " + s
                        + " with the config of the others in place of " + shard.getValue() + ".");
            }
        }
    }

    /** The shard's own provenance names it and the plan that, recomputed now, the config gives. */
    private static void checkPlan(Shard shard, Path folder, String fingerprint) throws IOException {
        Provenance last = lastProvenance(folder);
        if (!shard.toString().equals(last.shard()) || !fingerprint.equals(last.planFingerprint())) {
            throw new IllegalArgumentException("Shard " + shard + " (" + folder + ") was cut from another plan than "
                    + "its config gives now (plan " + abbreviated(last.planFingerprint()) + " against "
                    + abbreviated(fingerprint) + ": tasks, seeds, scaffolds or policies changed); rerun every shard "
                    + "of the run on the same tasks.");
        }
    }

    private static Provenance lastProvenance(Path folder) throws IOException {
        Path file = folder.resolve(Provenance.FILE);
        List<String> lines = Files.isRegularFile(file) ? Files.readAllLines(file).stream()
                .filter(l -> !l.isBlank()).toList() : List.of();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("Shard folder " + folder + " has no " + Provenance.FILE
                    + "; it was not written by 'sandmle eval --shard', so rerun that shard.");
        }
        return Json.MAPPER.readValue(lines.get(lines.size() - 1), Provenance.class);
    }

    /** Every shard's provenance lines, in shard order: each names its shard and plan. */
    private static byte[] provenanceOf(Map<Shard, Path> shards) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path folder : shards.values()) {
            all.append(Files.readString(folder.resolve(Provenance.FILE)));
        }
        return all.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One sentence: how many episodes lack, which shards lack them and what to rerun. */
    private String missingSentence(int count, List<String> planIds, List<String> missing) {
        Set<String> lacking = Set.copyOf(missing);
        List<String> parts = new ArrayList<>();
        List<String> rerun = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Shard shard = new Shard(i, count);
            List<String> mine = shard.selectIds(planIds);
            List<String> lacks = mine.stream().filter(lacking::contains).toList();
            if (lacks.isEmpty()) {
                continue;
            }
            rerun.add(shard.toString());
            if (lacks.size() == mine.size()) {
                parts.add("shard " + shard + " has none of its " + mine.size());
                continue;
            }
            String named = String.join(", ", lacks.subList(0, Math.min(NAMED_EPISODES, lacks.size())))
                    + (lacks.size() > NAMED_EPISODES ? ", …" : "");
            parts.add("shard " + shard + " lacks " + lacks.size() + " of its " + mine.size() + " (" + named + ")");
        }
        return "Run " + runDir + " lacks " + missing.size() + " of " + planIds.size() + " planned episodes ("
                + String.join("; ", parts) + "), so nothing was merged; rerun shard" + (rerun.size() > 1 ? "s " : " ")
                + String.join(", ", rerun) + " with 'sandmle eval --resume " + runDir + " --shard i/" + count
                + "' (a rerun resumes) and merge again, or merge what there is with --partial.";
    }

    private static String abbreviated(String fingerprint) {
        return fingerprint == null ? "unknown" : fingerprint.substring(0, Math.min(12, fingerprint.length()));
    }
}
