package io.sandmle.runner.rollout;

/** Hears about a run's progress (a console bar, a test, nothing). Called from several episode threads. */
public interface Progress {

    /** The run starts: {@code total} episodes in the plan, {@code alreadyDone} of them finished earlier. */
    void start(int total, int alreadyDone);

    /** One episode finished and was recorded. */
    void episodeDone(RolloutEngine.Outcome outcome);

    /** The run ended (normally or not). */
    void finish();

    /** Progress nobody watches. */
    static Progress silent() {
        return new Progress() {
            @Override
            public void start(int total, int alreadyDone) {
            }

            @Override
            public void episodeDone(RolloutEngine.Outcome outcome) {
            }

            @Override
            public void finish() {
            }
        };
    }
}
