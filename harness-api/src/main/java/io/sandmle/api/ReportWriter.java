package io.sandmle.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a whole report (HTML and/or PDF, figures) for a {@link ReportInput}; returns the files written. Only
 * the input's formats are written and, when it names sections, only those sections.
 */
public interface ReportWriter {

    List<Path> write(ReportInput input, Path outDir) throws IOException;

    /** The section names {@link ReportInput#sections()} may select, in report order; empty when none can be chosen. */
    default List<String> sectionNames() {
        return List.of();
    }
}
