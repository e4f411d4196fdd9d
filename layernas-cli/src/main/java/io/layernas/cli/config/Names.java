package io.layernas.cli.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the name a user probably meant, for "did you mean" hints. Stateless. */
public final class Names {
    private Names() {
    }

    /**
     * The candidate closest to {@code typed} by edit distance (case-insensitive), if it is close
     * enough to be a likely typo: at most a third of the longer name's length, and at most 3 edits;
     * or else one that starts the typed name or that the typed name starts ({@code maximum} -> {@code max}).
     */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        Optional<String> byEdits = closestByEdits(typed, candidates);
        if (byEdits.isPresent() || typed.length() < 3) {
            return byEdits;
        }
        String needle = typed.toLowerCase(Locale.ROOT);
        return candidates.stream().filter(c -> c.length() >= 3).filter(c -> {
            String candidate = c.toLowerCase(Locale.ROOT);
            return needle.startsWith(candidate) || candidate.startsWith(needle);
        }).findFirst();
    }

    private static Optional<String> closestByEdits(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String needle = typed.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            int distance = distance(needle, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.min(3, Math.max(1, Math.max(typed.length(), best.length()) / 3));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** " Did you mean 'x'?" or the empty string. */
    public static String didYouMean(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(name -> " Did you mean '" + name + "'?").orElse("");
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
