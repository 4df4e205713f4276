package io.sandmle.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * Asks a generator for {@code count} tasks derived from one seed's DNA.
 *
 * @param dna     the seed task's structure
 * @param count   how many tasks to try to produce
 * @param seed    the random seed; the same seed gives byte-identical tasks
 * @param scale   micro or full size
 * @param outDir  the folder new task folders are written under
 * @param options generator-specific switches (e.g. {@code sandmle-evaluator=true}); never {@code null}
 */
public record GenerationRequest(TaskDna dna, int count, long seed, Scale scale, Path outDir,
                                Map<String, String> options) {

    public GenerationRequest {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** A request without options. */
    public GenerationRequest(TaskDna dna, int count, long seed, Scale scale, Path outDir) {
        this(dna, count, seed, scale, outDir, Map.of());
    }

    /** Whether a boolean option is set to {@code true}. */
    public boolean flag(String name) {
        return Boolean.parseBoolean(options.getOrDefault(name, "false"));
    }
}
