package io.sandmle.trainers.policy;

import io.sandmle.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A saved embedded policy: {@code network.params} (DJL-encoded parameters and Adam state) and
 * {@code policy.json} (format version, training step, heads and their options, metrics). The options say
 * which {@link ActionSpace} the network was trained over (with or without traps), so a checkpoint made with
 * another recipe library is refused instead of silently misread.
 *
 * @param step    the training step it was saved after
 * @param seed    the policy's sampling seed
 * @param trainer which trainer wrote it ({@code grpo}, {@code sft}, {@code init})
 * @param metrics the last step's metrics
 */
public record PolicyCheckpoint(int step, long seed, String trainer, Map<String, Double> metrics) {

    private static final int FORMAT = 1;

    public PolicyCheckpoint {
        metrics = Map.copyOf(metrics);
    }

    /** Writes {@code network} and this record's facts to {@code dir}; the JSON is written last, marking it complete. */
    public void save(PolicyNetwork network, Path dir) throws IOException {
        Files.createDirectories(dir);
        network.save(dir.resolve("network.params"));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("step", step);
        meta.put("seed", seed);
        meta.put("trainer", trainer);
        meta.put("adamSteps", network.adamSteps());
        meta.put("inputs", network.inputs());
        meta.put("hidden", network.hidden());
        meta.put("heads", network.space().heads());
        meta.put("metrics", metrics);
        Path tmp = dir.resolve("policy.json.tmp");
        Json.writeFile(tmp, meta);
        Files.move(tmp, dir.resolve("policy.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a checkpoint folder. */
    public static Loaded load(Path dir) throws IOException {
        Path metaFile = dir.resolve("policy.json");
        if (!Files.exists(metaFile)) {
            throw new IOException("no embedded-policy checkpoint in " + dir + " (policy.json is missing)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = Json.MAPPER.readValue(metaFile.toFile(), Map.class);
        ActionSpace space = Arrays.stream(ActionSpace.values()).filter(s -> s.heads().equals(meta.get("heads")))
                .findFirst().orElse(null);
        if (space == null || ((Number) meta.get("inputs")).intValue() != FeatureEncoder.SIZE) {
            throw new IOException("the checkpoint in " + dir + " was made with another recipe library; "
                    + "train a new one with this version");
        }
        PolicyNetwork network = PolicyNetwork.load(dir.resolve("network.params"),
                ((Number) meta.get("adamSteps")).intValue(), space);
        Map<String, Double> metrics = new LinkedHashMap<>();
        Object m = meta.get("metrics");
        if (m instanceof Map<?, ?> map) {
            map.forEach((k, v) -> metrics.put(String.valueOf(k), ((Number) v).doubleValue()));
        }
        return new Loaded(network, new PolicyCheckpoint(((Number) meta.get("step")).intValue(),
                ((Number) meta.get("seed")).longValue(), String.valueOf(meta.get("trainer")), metrics));
    }

    /** A loaded network with its facts. */
    public record Loaded(PolicyNetwork network, PolicyCheckpoint checkpoint) {
    }
}
