package io.sandmle.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared mappers: compact and tolerant, or stable bytes for files. */
class JsonTest {

    record Point(int y, int x) {
    }

    @Test
    void compactWritingAndReadingThatSkipsUnknownFields() throws Exception {
        assertEquals("{\"y\":2,\"x\":1}", Json.write(new Point(2, 1)));
        assertEquals(new Point(2, 1), Json.MAPPER.readValue("{\"x\":1,\"y\":2,\"z\":3}", Point.class));
    }

    @Test
    void stableFilesSortKeysIndentAndEndWithANewline(@TempDir Path dir) throws Exception {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", new Point(2, 1));
        value.put("a", 1);
        Path file = dir.resolve("v.json");
        Json.writeFile(file, value);
        assertEquals("{\n  \"a\" : 1,\n  \"b\" : {\n    \"x\" : 1,\n    \"y\" : 2\n  }\n}\n", Files.readString(file));
    }
}
