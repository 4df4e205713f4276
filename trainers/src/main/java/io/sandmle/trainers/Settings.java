package io.sandmle.trainers;

import java.util.Locale;
import java.util.Map;

/** Reads numeric and true/false config keys with one clear sentence for a bad value. */
public final class Settings {

    private Settings() {
    }

    /**
     * @param what the config section named in errors ({@code trainer}, {@code policy})
     * @return the key's value, or {@code fallback} when it is absent or blank
     */
    public static double number(Map<String, String> settings, String what, String key, double fallback) {
        String v = settings.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " setting '" + key + "' must be a number, not '" + v + "'");
        }
    }

    /**
     * @param what the config section named in errors ({@code trainer}, {@code policy})
     * @return the key's value ({@code true} or {@code false}, any case), or false when it is absent or blank
     */
    public static boolean flag(Map<String, String> settings, String what, String key) {
        String v = settings.get(key);
        if (v == null || v.isBlank()) {
            return false;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(what + " setting '" + key + "' must be true or false, not '"
                    + v + "'");
        };
    }
}
