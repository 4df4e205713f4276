package io.sandmle.runner.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line of every key and list item of a YAML text, by JSON pointer ({@code /budget/max-turns},
 * {@code /suites/0}). Jackson reports the parser's read-ahead position, which for YAML can be the end
 * of the file; this index gives the line where the offending key is written.
 */
final class YamlLines {

    private final Map<String, Integer> lines;

    private YamlLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Indexes {@code yaml}; a syntax error ends the index where it occurs. */
    static YamlLines of(ObjectMapper yamlMapper, String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = yamlMapper.createParser(yaml)) {
            while (p.nextToken() != null) {
                lines.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            // Broken YAML: the parse that follows reports it with its own location.
        }
        return new YamlLines(lines);
    }

    /** The line of {@code pointer}, or of its nearest indexed parent, or 0 when nothing matches. */
    int lineOf(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            Integer line = lines.get(p);
            if (line != null && line > 0) {
                return line;
            }
            if (p.isEmpty()) {
                return 0;
            }
        }
    }
}
