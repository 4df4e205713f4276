package io.sandmle.scaffolds.tree;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * AIDE's data overview (scaffolds.md §2.10) in its compact form: the public folder's files with sizes, and
 * for each CSV its row and column counts and first 15 column names. Read on the host from the task's public
 * folder, which is the same content the agent's code sees.
 */
final class DataPreview {

    private static final int MAX_FILES = 8;
    private static final int MAX_CHARS = 6_000;

    private DataPreview() {
    }

    static String of(Path publicDir) {
        StringBuilder b = new StringBuilder();
        List<Path> files;
        try (Stream<Path> s = Files.list(publicDir)) {
            files = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException | RuntimeException e) {
            return "(No data preview available)";
        }
        int shown = 0;
        for (Path p : files) {
            if (shown++ == MAX_FILES) {
                b.append("... and ").append(files.size() - MAX_FILES).append(" other files\n");
                break;
            }
            b.append(describe(p)).append('\n');
        }
        String text = b.toString();
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    }

    private static String describe(Path p) {
        String name = p.getFileName().toString();
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.list(p)) {
                return name + "/ (" + s.count() + " entries)";
            } catch (IOException e) {
                return name + "/";
            }
        }
        if (!name.endsWith(".csv")) {
            try {
                return name + " (" + Files.size(p) + " bytes)";
            } catch (IOException e) {
                return name;
            }
        }
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            long rows = r.lines().count();
            List<String> cols = header == null ? List.of() : List.of(header.split(","));
            List<String> first = new ArrayList<>(cols.subList(0, Math.min(15, cols.size())));
            return name + " has " + rows + " rows and " + cols.size() + " columns. The first " + first.size()
                    + " columns are: " + String.join(", ", first);
        } catch (IOException | RuntimeException e) {
            return name + " (unreadable)";
        }
    }
}
