package io.sandmle.api;

import java.util.Optional;

/** Services a generator may use: the sandbox for reference solutions and, optionally, a language model. */
public interface GenerationContext {

    /** Runs reference solutions exactly as agent code runs. */
    Executor executor();

    /** The language model the {@code llm} generator drives, if one is configured. */
    Optional<LanguageModel> model();

    /** Reports progress (one call per attempted task). */
    default void progress(GenerationOutcome outcome) {
    }
}
