package io.sandmle.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The harness's Jackson set-up, shared by every module: {@link #MAPPER} for compact JSON and {@link #STABLE} for
 * files people read and diff. Both skip unknown properties when reading, so a file or reply with a field this
 * build does not know still loads. The formats the API defines (task.json, trajectory.jsonl) have their own
 * settings in {@code io.sandmle.api.codec}.
 */
public final class Json {

    /** Compact JSON: wire bodies, JSON lines, observations, logs. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Indented, keys sorted: the same value always gives the same bytes (generated files, manifests, checkpoints). */
    public static final ObjectMapper STABLE = MAPPER.rebuild()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private Json() {
    }

    /** {@code value} as compact JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** Writes {@code value} to {@code file} as {@link #STABLE} JSON with LF line endings and a final newline. */
    public static void writeFile(Path file, Object value) {
        try {
            Files.writeString(file, STABLE.writeValueAsString(value).replace("\r\n", "\n") + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
