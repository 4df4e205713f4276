package io.sandmle.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes a whole report (HTML, PDF, figures) for a {@link ReportInput}; returns the files written. */
public interface ReportWriter {

    List<Path> write(ReportInput input, Path outDir) throws IOException;
}
