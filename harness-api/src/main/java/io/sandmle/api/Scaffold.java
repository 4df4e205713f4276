package io.sandmle.api;

/**
 * An agent loop that drives a {@link LanguageModel} through an {@link MleEnvironment}
 * (ReAct, AIDE, MLE-Agent, AIRA-greedy). It only uses what the {@link Episode} hands it.
 */
public interface Scaffold {

    /**
     * The shape this scaffold parses replies in. It is sent with every {@link ChatRequest} of its episodes and
     * recorded on every {@link Turn}, so policies never have to guess it from the prompt.
     */
    ResponseFormat responseFormat();

    /**
     * Runs one episode to its end. Never throws for model or environment faults: they end or
     * continue the episode and are recorded in the trajectory with a reason.
     */
    Trajectory run(Episode episode);
}
