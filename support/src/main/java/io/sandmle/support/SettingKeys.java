package io.sandmle.support;

import java.util.Collection;
import java.util.Map;

/**
 * Refuses a {@code settings:} map holding a key its reader does not read, so a misspelt or misplaced key fails
 * with the nearest valid one instead of being silently ignored. The sentence has the shape of the config
 * loader's unknown-key sentence.
 */
public final class SettingKeys {

    private SettingKeys() {
    }

    /**
     * @param settings the map as written in the config
     * @param known    the keys the reader reads; one ending in {@code .<…>} (e.g. {@code extra.<field>}) admits
     *                 every key with that prefix
     * @param owner    who reads them, for the sentence ({@code the sft trainer}, {@code the slurm executor})
     * @throws IllegalArgumentException naming the first unknown key (in sorted order) and the nearest valid key
     */
    public static void requireKnown(Map<String, ?> settings, Collection<String> known, String owner) {
        settings.keySet().stream().sorted().filter(key -> !admitted(key, known)).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("unknown setting '" + key + "' for " + owner + "; "
                    + NearestKey.hint(key, known, "keys"));
        });
    }

    private static boolean admitted(String key, Collection<String> known) {
        for (String k : known) {
            int placeholder = k.indexOf(".<");
            if (placeholder >= 0 ? key.startsWith(k.substring(0, placeholder + 1)) && key.length() > placeholder + 1
                    : key.equals(k)) {
                return true;
            }
        }
        return false;
    }
}
