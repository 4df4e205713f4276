package io.sandmle.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A seeded order of ids (task ids) by a hash of the seed and each id, so an id keeps its place among the others when
 * ids are added or removed, and the order they were listed in does not matter. Splits of tasks into two sides take
 * a prefix of it.
 */
public final class SeededOrder {

    private SeededOrder() {
    }

    /** {@code ids} in the order {@code seed} gives them (distinct ids, ties of the hash by the ids themselves). */
    public static List<String> of(Collection<String> ids, long seed) {
        return ids.stream().sorted(Comparator.comparing((String id) -> key(seed, id))
                .thenComparing(Comparator.naturalOrder())).toList();
    }

    private static String key(long seed, String id) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((seed + ":" + id).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
