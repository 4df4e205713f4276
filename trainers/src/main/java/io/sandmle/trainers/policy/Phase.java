package io.sandmle.trainers.policy;

/** Where the episode stands, as read from the last observation. */
public enum Phase {
    /** Nothing has run yet: write a first solution. */
    FRESH,
    /** The last step failed (crash, missing import, invalid submission, timeout). */
    ERROR,
    /** The last code step ran and should be scored next. */
    RAN,
    /** The last submission was scored. */
    SCORED,
    /** The scaffold asks for an improvement of a working solution (AIDE improve). */
    IMPROVE,
    /** The agent does not know where the data is yet (MLE-Agent without a data path). */
    NEED_DATA_PATH
}
