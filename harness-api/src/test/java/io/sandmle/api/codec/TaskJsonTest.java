package io.sandmle.api.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sandmle.api.Modality;
import io.sandmle.api.Task;
import io.sandmle.api.Thresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** task.json round-trips, is byte-stable, skips unknown fields and refuses a newer schema in one sentence. */
class TaskJsonTest {

    @TempDir
    Path dir;

    private static Task task(Path root) {
        return new Task(Task.SCHEMA_VERSION, "demo", "Demo task", "rmse", true, new Thresholds(0.1, 0.2, 0.3, 0.5),
                Modality.TABULAR, "regression", "seed", Map.of("z", "last", "a", "first"), root);
    }

    @Test
    void writesSortedIndentedTextWithAFinalNewlineAndReadsItBackRooted() {
        TaskJson.write(dir, task(null));
        String text = TaskJson.text(task(Path.of("/elsewhere")));
        assertEquals(text, readString(TaskJson.file(dir)), "the root is not part of the file");
        assertTrue(text.endsWith("}\n") && !text.contains("\r"), text);
        assertTrue(text.indexOf("\"a\" : \"first\"") < text.indexOf("\"z\" : \"last\""), text);
        assertTrue(text.indexOf("\"attributes\"") < text.indexOf("\"schemaVersion\""), "keys sorted: " + text);
        assertFalse(text.contains("root"), text);
        assertEquals(task(dir), TaskJson.read(dir));
        assertTrue(TaskJson.isIn(dir));
    }

    @Test
    void unknownFieldsAreSkipped() throws Exception {
        Files.writeString(TaskJson.file(dir), "{\"schemaVersion\": 1, \"id\": \"x\", \"metric\": \"accuracy\", "
                + "\"addedLater\": {\"any\": [1, 2]}}");
        Task t = TaskJson.read(dir);
        assertEquals("x", t.id());
        assertEquals(dir, t.root());
    }

    @Test
    void aNewerSchemaOrBrokenFileIsOneSentenceNamingTheFile() throws Exception {
        Files.writeString(TaskJson.file(dir), "{\"schemaVersion\": 2, \"id\": \"x\"}");
        IllegalArgumentException newer = assertThrows(IllegalArgumentException.class, () -> TaskJson.read(dir));
        assertTrue(newer.getMessage().contains(TaskJson.file(dir) + " has schemaVersion 2"), newer.getMessage());

        Files.writeString(TaskJson.file(dir), "{not json");
        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class, () -> TaskJson.read(dir));
        assertTrue(broken.getMessage().startsWith(TaskJson.file(dir) + " is not a valid task description: "),
                broken.getMessage());
        assertFalse(broken.getMessage().contains("\n"), broken.getMessage());
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
