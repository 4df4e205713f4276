package io.sandmle.runner.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A number of bytes written as {@code 512k}, {@code 64m}, {@code 4g} (binary units) or plain bytes. */
public record ByteSize(long bytes) {

    private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?");
    /** Unit letters by power of 1024: "" is bytes, "k" is 1024 … */
    private static final String UNITS = "_kmgt";

    public ByteSize {
        if (bytes <= 0) {
            throw new IllegalArgumentException("sizes must be positive");
        }
    }

    /** Parses {@code 4g}, {@code 512MiB}, {@code 1024}. */
    @JsonCreator
    public static ByteSize parse(String text) {
        Matcher m = TEXT.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; write it like 512m or 4g");
        }
        int power = m.group(2).isEmpty() ? 0 : UNITS.indexOf(m.group(2));
        return new ByteSize(Long.parseLong(m.group(1)) << (10 * power));
    }

    @JsonValue
    @Override
    public String toString() {
        for (int power = UNITS.length() - 1; power > 0; power--) {
            if (bytes % (1L << (10 * power)) == 0) {
                return (bytes >> (10 * power)) + UNITS.substring(power, power + 1);
            }
        }
        return Long.toString(bytes);
    }
}
