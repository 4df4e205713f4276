package io.sandmle.support;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The valid key closest to a misspelt one, by Levenshtein edit distance (config keys, settings, names). */
public final class NearestKey {

    private NearestKey() {
    }

    /** The closest candidate, when it is close enough to be a plausible typo (distance at most half its length). */
    public static Optional<String> to(String typo, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(typo, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, best.length() / 2) ? Optional.of(best) : Optional.empty();
    }

    /**
     * The end of a sentence refusing {@code typo}: {@code did you mean 'k'?} when a candidate is close, else
     * {@code valid <noun> are a, b.} ({@code there are none.} when there are no candidates).
     *
     * @param noun what the candidates are, plural ({@code keys}, {@code sections})
     */
    public static String hint(String typo, Collection<String> candidates, String noun) {
        List<String> valid = candidates.stream().sorted().toList();
        return to(typo, valid).map(k -> "did you mean '" + k + "'?")
                .orElse(valid.isEmpty() ? "there are none." : "valid " + noun + " are " + String.join(", ", valid) + ".");
    }

    /** Levenshtein distance: insertions, deletions and substitutions, each costing 1. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
