package io.sandmle.api;

import java.nio.file.Path;

/**
 * Asks a generator for {@code count} tasks derived from one seed's DNA.
 *
 * @param dna    the seed task's structure
 * @param count  how many tasks to try to produce
 * @param seed   the random seed; the same seed gives byte-identical tasks
 * @param scale  micro or full size
 * @param outDir the folder new task folders are written under
 */
public record GenerationRequest(TaskDna dna, int count, long seed, Scale scale, Path outDir) {
}
