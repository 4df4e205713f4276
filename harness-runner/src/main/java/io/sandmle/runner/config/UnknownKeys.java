package io.sandmle.runner.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.sandmle.support.NearestKey;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the first key that no config record declares. It runs before binding because Jackson builds a
 * record (and runs its checks) before it reports unknown keys, so a misspelt required key would
 * otherwise surface as "missing" instead of "did you mean".
 */
final class UnknownKeys {

    private static final PropertyNamingStrategies.KebabCaseStrategy KEBAB = new PropertyNamingStrategies.KebabCaseStrategy();

    /**
     * An unknown key found in the tree.
     *
     * @param pointer the key's JSON pointer ({@code /budget/max-turn})
     * @param section where it sits, for the message ({@code budget}, {@code suites[0]}), empty at the top
     * @param key     the key as written
     * @param known   the keys valid there
     */
    record Found(String pointer, String section, String key, List<String> known) {

        /** One sentence naming the key, where it is and the nearest valid key. */
        String sentence() {
            String where = section.isEmpty() ? "" : " in " + section;
            return "unknown key '" + key + "'" + where + "; " + NearestKey.hint(key, known, "keys");
        }
    }

    private UnknownKeys() {
    }

    /** The first unknown key of {@code node} read as {@code type}, depth first in file order. */
    static Optional<Found> in(JsonNode node, Class<?> type) {
        return in(node, type, "", "");
    }

    private static Optional<Found> in(JsonNode node, Type type, String pointer, String section) {
        Class<?> raw = raw(type);
        if (raw.isRecord() && node.isObject()) {
            List<RecordComponent> components = Arrays.asList(raw.getRecordComponents());
            List<String> known = components.stream().map(c -> KEBAB.translate(c.getName())).sorted().toList();
            for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (!known.contains(key)) {
                    return Optional.of(new Found(pointer + "/" + key, section, key, known));
                }
                Type componentType = components.stream().filter(c -> KEBAB.translate(c.getName()).equals(key))
                        .findFirst().orElseThrow().getGenericType();
                String child = section.isEmpty() ? key : section + "." + key;
                Optional<Found> found = in(node.get(key), componentType, pointer + "/" + key, child);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (List.class.isAssignableFrom(raw) && node.isArray() && type instanceof ParameterizedType list) {
            for (int i = 0; i < node.size(); i++) {
                Optional<Found> found = in(node.get(i), list.getActualTypeArguments()[0], pointer + "/" + i,
                        section + "[" + i + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }
}
