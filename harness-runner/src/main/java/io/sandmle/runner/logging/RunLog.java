package io.sandmle.runner.logging;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Logger;

/**
 * {@code <run>/sandmle.log}: everything logged while a run is open (the harness's messages and its libraries'),
 * appended across starts, so a run folder explains itself after the console is gone.
 */
public final class RunLog implements AutoCloseable {

    /** The log's file name in the run folder. */
    public static final String FILE = "sandmle.log";

    private final FileHandler handler;

    private RunLog(FileHandler handler) {
        this.handler = handler;
    }

    /** Starts appending every log record to {@code runDir/sandmle.log} until {@link #close}. */
    public static RunLog open(Path runDir) throws IOException {
        // Appending, one file, no size limit; '%' would be a FileHandler pattern character in a folder name.
        FileHandler handler = new FileHandler(runDir.resolve(FILE).toString().replace("%", "%%"), 0, 1, true);
        handler.setFormatter(new LogLineFormat());
        Logger.getLogger("").addHandler(handler);
        return new RunLog(handler);
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
        handler.close();
    }
}
