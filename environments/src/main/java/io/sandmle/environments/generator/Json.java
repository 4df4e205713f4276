package io.sandmle.environments.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one Jackson configuration the generator writes with: sorted keys and stable indentation, so output is byte-stable. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);

    private Json() {
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes {@code value} as pretty JSON with a trailing newline (LF line endings on every platform). */
    static void write(Path file, Object value) {
        try {
            String text = MAPPER.writeValueAsString(value).replace("\r\n", "\n") + "\n";
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
