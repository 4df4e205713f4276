package io.sandmle.junit.engine;

import io.sandmle.junit.PassCriterion;

import io.sandmle.support.WilsonInterval;

import io.sandmle.api.EpisodeRecord;
import java.util.List;
import java.util.Locale;

/**
 * A suite-level requirement such as "at least 20% of episodes win a medal", decided on the Wilson interval
 * rather than the point estimate so that sampling noise does not flip a build: it <b>fails only when the
 * interval's upper bound is below the required rate</b>, i.e. when the data rule the rate out at the chosen
 * confidence. A point estimate below the rate whose interval still reaches it passes, with a warning entry.
 *
 * @param criterion  what an episode must reach to count
 * @param minRate    the required share in [0, 1]
 * @param confidence two-sided confidence level of the interval
 */
public record RateAssertion(PassCriterion criterion, double minRate, double confidence) {

    public RateAssertion {
        if (minRate < 0 || minRate > 1) {
            throw new IllegalArgumentException("a minimum rate must be between 0 and 1, not " + minRate + ".");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1 (e.g. 0.95), not " + confidence + ".");
        }
    }

    /** How the episodes measure up. */
    public record Verdict(boolean passed, int successes, int episodes, double rate, WilsonInterval interval,
                          String message) {
    }

    /** The test's name, e.g. {@code medal rate >= 20% (Wilson 95% upper bound)}. */
    public String displayName() {
        return String.format(Locale.ROOT, "%s rate >= %s (Wilson %s upper bound)", criterion.key(), percent(minRate),
                percent(confidence));
    }

    /** Judges the episodes; none at all is a failure (nothing was measured). */
    public Verdict judge(List<EpisodeRecord> episodes) {
        int n = episodes.size();
        if (n == 0) {
            return new Verdict(false, 0, 0, 0, new WilsonInterval(0, 1), "no episode was recorded, so the "
                    + criterion.key() + " rate cannot be checked; see the run folder's episodes.");
        }
        int k = (int) episodes.stream().filter(e -> criterion.isMetBy(e.grade())).count();
        double rate = (double) k / n;
        WilsonInterval ci = WilsonInterval.of(k, n, confidence);
        boolean passed = ci.upper() >= minRate;
        String observed = String.format(Locale.ROOT, "%d of %d episodes reached %s (%s, %s CI %s to %s)", k, n,
                criterion.requirement(), percent(rate), percent(confidence), percent(ci.lower()), percent(ci.upper()));
        String message = passed
                ? observed + (rate < minRate ? "; below " + percent(minRate) + " but within noise" : "")
                : observed + "; even the upper bound is below the required " + percent(minRate) + ".";
        return new Verdict(passed, k, n, rate, ci, message);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share).replace(".0%", "%");
    }
}
