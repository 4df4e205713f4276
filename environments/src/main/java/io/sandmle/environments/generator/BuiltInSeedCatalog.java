package io.sandmle.environments.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sandmle.api.SeedCatalog;
import io.sandmle.api.TaskDna;
import io.sandmle.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The seed catalog shipped as {@code seed-catalog.json}: task DNA of the 22 MLE-bench-lite competitions and
 * further MLE-bench and MLE-Dojo competitions, written from the public task pages and the reference digest.
 */
public final class BuiltInSeedCatalog implements SeedCatalog {

    private static final String RESOURCE = "seed-catalog.json";
    private final List<TaskDna> seeds;
    private final List<String> liteIds;

    public BuiltInSeedCatalog() {
        ObjectMapper json = Json.MAPPER;
        try (InputStream in = BuiltInSeedCatalog.class.getResourceAsStream(RESOURCE)) {
            JsonNode root = json.readTree(in);
            List<TaskDna> all = new ArrayList<>();
            for (JsonNode seed : root.get("seeds")) {
                all.add(json.treeToValue(seed, TaskDna.class));
            }
            all.sort(Comparator.comparing(TaskDna::seedId));
            this.seeds = List.copyOf(all);
            this.liteIds = List.copyOf(json.convertValue(root.get("liteIds"),
                    json.getTypeFactory().constructCollectionType(List.class, String.class)));
        } catch (IOException e) {
            throw new UncheckedIOException("the seed catalog resource is unreadable", e);
        }
    }

    @Override
    public List<TaskDna> seeds() {
        return seeds;
    }

    @Override
    public List<String> liteIds() {
        return liteIds;
    }
}
