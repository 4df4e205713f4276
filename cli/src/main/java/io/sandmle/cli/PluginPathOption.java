package io.sandmle.cli;

import io.sandmle.runner.plugins.Extensions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --plugin-path} option shared by every command that loads plugins. */
public final class PluginPathOption {

    /** The folder scanned for plugin jars when none is given. */
    public static final Path DEFAULT_FOLDER = Path.of("plugins");

    @Option(names = "--plugin-path", paramLabel = "<dir|jar>", split = ":",
            description = "Extra plugin jars or folders of jars (default: ./plugins).")
    List<Path> paths = new ArrayList<>();

    /** Loads every plugin from the class path, ./plugins and the given paths. */
    public Extensions load() {
        List<Path> all = new ArrayList<>(paths);
        all.add(0, DEFAULT_FOLDER);
        return Extensions.load(all);
    }
}
