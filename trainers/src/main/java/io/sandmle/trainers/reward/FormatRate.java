package io.sandmle.trainers.reward;

import io.sandmle.api.Trajectory;
import io.sandmle.api.Turn;

/**
 * SandMLE's format term (sandmle.md §4.5): the fraction of assistant messages that, after leading
 * whitespace, start with {@code <think>}, contain {@code </think>} and have a non-blank body between.
 */
public final class FormatRate {

    private FormatRate() {
    }

    public static double of(Trajectory trajectory) {
        int messages = 0;
        int wellFormed = 0;
        for (Turn t : trajectory.turns()) {
            if (t.response() == null || t.response().failed()) {
                continue;
            }
            messages++;
            if (wellFormed(t.response().content())) {
                wellFormed++;
            }
        }
        return messages == 0 ? 0 : (double) wellFormed / messages;
    }

    static boolean wellFormed(String content) {
        String text = content.stripLeading();
        int close = text.indexOf("</think>");
        return text.startsWith("<think>") && close >= 0
                && !text.substring("<think>".length(), close).isBlank();
    }
}
