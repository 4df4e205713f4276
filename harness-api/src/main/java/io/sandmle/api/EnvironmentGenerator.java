package io.sandmle.api;

import java.util.List;

/** Produces verified synthetic tasks from a seed task's DNA ({@code procedural}, {@code llm}). */
public interface EnvironmentGenerator {

    /** Generates and verifies tasks; dropped ones are returned with their reason, not thrown. */
    List<GenerationOutcome> generate(GenerationRequest request, GenerationContext context);
}
