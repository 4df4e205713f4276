package io.sandmle.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The summary block of docs/PERFORMANCE.md, between two markers: {@code sandmle bench} replaces it after a run
 * of every benchmark and leaves each area's own section below it alone.
 */
public final class PerformanceDoc {

    public static final String START = "<!-- bench-summary:start (written by ./sandmle bench) -->";
    public static final String END = "<!-- bench-summary:end -->";

    private PerformanceDoc() {
    }

    /** Replaces the file's summary with {@code block}. */
    public static void rewrite(Path doc, String block) throws IOException {
        Files.writeString(doc, withSummary(Files.readString(doc), block));
    }

    /** The document with its summary replaced, or inserted after the title when it has none yet. */
    static String withSummary(String text, String block) {
        String section = START + "\n" + block + END + "\n";
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        if (start >= 0 && end > start) {
            return text.substring(0, start) + section + text.substring(end + END.length()).replaceFirst("^\n", "");
        }
        int titleEnd = text.startsWith("# ") ? text.indexOf('\n') + 1 : 0;
        return text.substring(0, titleEnd) + "\n" + section + "\n" + text.substring(titleEnd).replaceFirst("^\n", "");
    }
}
