package io.sandmle.environments.generator;

import com.fasterxml.jackson.core.type.TypeReference;
import io.sandmle.support.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * An application domain a seed's DNA is moved into (Data Strategist's "domain attribution"), with the
 * vocabulary the renderers and the Technical Writer use. {@code weight} follows the domain mix SandMLE reports.
 */
record Domain(String name, int weight, String entity, List<String> numericFeatures,
              Map<String, List<String>> categoricalFeatures, String positiveLabel, List<String> classNames,
              List<String> regressionTargets, List<String> words, String imageSubject, String audioSource,
              String seriesName, String graphName) {

    private static final List<Domain> ALL = load();

    /** Every domain in the vocabulary, in file order. */
    static List<Domain> all() {
        return ALL;
    }

    /** Picks a domain with probability proportional to its weight. */
    static Domain pick(SeededRandom random) {
        int total = ALL.stream().mapToInt(Domain::weight).sum();
        int r = random.nextInt(total);
        for (Domain d : ALL) {
            r -= d.weight();
            if (r < 0) {
                return d;
            }
        }
        return ALL.get(ALL.size() - 1);
    }

    private static List<Domain> load() {
        try (InputStream in = Domain.class.getResourceAsStream("domains.json")) {
            return List.copyOf(Json.MAPPER.readValue(in, new TypeReference<List<Domain>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("the domain vocabulary resource is unreadable", e);
        }
    }
}
