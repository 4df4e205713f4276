package io.sandmle.runner.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written the way people say them: {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 250ms}. */
final class DurationText {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private DurationText() {
    }

    /** Parses {@code 1h30m}-style text, or ISO-8601 ({@code PT5M}). */
    static Duration parse(String text) {
        String t = text.trim();
        if (t.startsWith("P") || t.startsWith("p")) {
            return Duration.parse(t);
        }
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            end = m.end();
        }
        if (end == 0 || end != t.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write it like 90s, 5m or 1h30m");
        }
        return total;
    }

    /** The shortest {@code 1h30m}-style text for {@code d}. */
    static String format(Duration d) {
        if (d.toMillisPart() != 0) {
            return d.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        long hours = d.toHours();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (d.toMinutesPart() > 0) {
            text.append(d.toMinutesPart()).append('m');
        }
        if (d.toSecondsPart() > 0 || text.length() == 0) {
            text.append(d.toSecondsPart()).append('s');
        }
        return text.toString();
    }

    /** Jackson wiring for {@link Duration} values in configs. */
    static SimpleModule module() {
        return new SimpleModule("durations")
                .addDeserializer(Duration.class, new StdScalarDeserializer<>(Duration.class) {
                    @Override
                    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                        String text = p.getValueAsString();
                        try {
                            return parse(text == null ? p.getText() : text);
                        } catch (RuntimeException e) {
                            return (Duration) ctxt.handleWeirdStringValue(Duration.class, p.getText(),
                                    "not a duration; write it like 90s, 5m or 1h30m");
                        }
                    }
                })
                .addSerializer(Duration.class, new StdScalarSerializer<>(Duration.class) {
                    @Override
                    public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider)
                            throws IOException {
                        gen.writeString(format(value));
                    }
                });
    }
}
