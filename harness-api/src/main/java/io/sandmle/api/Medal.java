package io.sandmle.api;

/** MLE-bench medal levels, lowest first so that {@code compareTo} orders them. */
public enum Medal {
    NONE, BRONZE, SILVER, GOLD;

    /** True for bronze, silver and gold. */
    public boolean any() {
        return this != NONE;
    }
}
