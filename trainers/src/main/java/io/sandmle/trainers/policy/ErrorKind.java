package io.sandmle.trainers.policy;

import java.util.Locale;

/** The cause of a failed step, as far as the output tells it; drives the {@code repair} fix. */
public enum ErrorKind {
    NONE, MISSING_IMPORT, MISSING_VALUES, BAD_ENCODING, TIMEOUT, OTHER;

    /** Classifies an observation already known to describe a failure. */
    public static ErrorKind of(String output) {
        String text = output.toLowerCase(Locale.ROOT);
        if (text.contains("no module named") || text.contains("importerror") || text.contains("modulenotfounderror")) {
            return MISSING_IMPORT;
        }
        if (text.contains("nan") && (text.contains("input") || text.contains("missing"))) {
            return MISSING_VALUES;
        }
        if (text.contains("could not convert string") || text.contains("unknown categor")) {
            return BAD_ENCODING;
        }
        if (text.contains("timed out") || text.contains("timeout")) {
            return TIMEOUT;
        }
        return OTHER;
    }
}
