package io.sandmle.api;

/**
 * A policy the scaffolds talk to: an OpenAI-compatible endpoint or the embedded trainable policy.
 * Implementations must be safe to call from several episodes at once.
 */
public interface LanguageModel {

    /** A stable id for reports (model name, or {@code embedded@<checkpoint>}). */
    String id();

    /** Sends one chat request. Never throws for endpoint faults: see {@link ChatResponse#failure}. */
    ChatResponse chat(ChatRequest request);
}
