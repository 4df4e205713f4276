package io.sandmle.runner.generate;

import io.sandmle.api.GenerationOutcome;
import io.sandmle.support.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run's manifest, as SandMLE's ok-list: {@code manifest.json} (kept ids, the train/validation split, drops
 * per reason, the request) and {@code ok_competitions_sanity.json} (the bare sorted list SandMLE's training
 * code reads). Validation is the first ids in sorted order, as SandMLE's {@code prepare_train_data.py} takes
 * the first 64. No timestamps: the same run gives the same bytes.
 */
public final class GenerationManifest {

    private final List<String> ok;
    private final Map<String, Integer> dropped;

    public GenerationManifest(List<GenerationRun.SeedOutcomes> outcomes) {
        List<String> kept = new ArrayList<>();
        Map<String, Integer> drops = new TreeMap<>();
        for (GenerationRun.SeedOutcomes s : outcomes) {
            for (GenerationOutcome o : s.outcomes()) {
                if (o.kept()) {
                    kept.add(o.taskId());
                } else {
                    drops.merge(o.dropReason(), 1, Integer::sum);
                }
            }
        }
        kept.sort(null);
        this.ok = List.copyOf(kept);
        this.dropped = drops;
    }

    public List<String> ok() {
        return ok;
    }

    public Map<String, Integer> dropped() {
        return dropped;
    }

    /** SandMLE's split size: 64 of 912 (7%), at least one when anything was kept, at most 64. */
    public int validationSize() {
        return ok.isEmpty() ? 0 : Math.max(1, Math.min(64, Math.round(ok.size() * 64f / 912f)));
    }

    public void write(Path out, Map<String, Object> request) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("request", new TreeMap<>(request));
        m.put("ok", ok);
        m.put("validation", ok.subList(0, validationSize()));
        m.put("train", ok.subList(validationSize(), ok.size()));
        m.put("dropped", dropped);
        Json.writeFile(out.resolve("manifest.json"), m);
        Json.writeFile(out.resolve("ok_competitions_sanity.json"), ok);
    }

    /** The kept/dropped table printed at the end of a run. */
    public String table() {
        StringBuilder b = new StringBuilder();
        int attempted = ok.size() + dropped.values().stream().mapToInt(Integer::intValue).sum();
        b.append(String.format("%-36s %6s%n", "outcome", "tasks"));
        b.append(String.format("%-36s %6d%n", "kept", ok.size()));
        dropped.forEach((reason, n) -> b.append(String.format("%-36s %6d%n", "dropped: " + reason, n)));
        b.append(String.format("%-36s %6d%n", "attempted", attempted));
        return b.toString();
    }
}
