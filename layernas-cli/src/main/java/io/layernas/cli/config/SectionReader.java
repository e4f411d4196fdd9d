package io.layernas.cli.config;

import io.layernas.api.ConfigurationException;
import io.layernas.api.Settings;
import io.layernas.cli.format.Numbers;
import java.util.List;
import java.util.Locale;

/**
 * Typed reading of one section with the checks every experiment section needs: positive numbers,
 * the word {@code unlimited}, and unknown keys reported with a "did you mean". Not thread-safe.
 */
public final class SectionReader {
    private final Settings settings;

    /** Reads {@code settings}. */
    public SectionReader(Settings settings) {
        this.settings = settings;
    }

    /** The settings read. */
    public Settings settings() {
        return settings;
    }

    /** A whole number of at least {@code min}. */
    public long atLeast(String key, long fallback, long min) {
        return between(key, fallback, min, Long.MAX_VALUE);
    }

    /**
     * A whole number from {@code min} to {@code max}: anything else, {@code 4294967297} for an
     * {@code int} setting or {@code 1e20} for a {@code long} one, fails with the key and the range.
     */
    public long between(String key, long fallback, long min, long max) {
        long value = settings.getLong(key, fallback, Long.MIN_VALUE, Long.MAX_VALUE);
        if (value < min || value > max) {
            String range = max == Long.MAX_VALUE ? "at least " + min : "from " + min + " to " + max;
            throw new ConfigurationException(settings.keyOf(key) + " (" + value + ") must be " + range
                    + ". Maybe you meant " + Math.min(Math.max(fallback, min), max) + "?");
        }
        return value;
    }

    /** A whole number of at least 1, or the word {@code unlimited} for {@link Long#MAX_VALUE}. */
    public long countOrUnlimited(String key, long fallback) {
        if (isUnlimited(key)) {
            return Long.MAX_VALUE;
        }
        return atLeast(key, fallback, 1);
    }

    /**
     * A number from {@code min} to {@code max}, or {@code unlimited} (also {@code inf}) for positive
     * infinity. NaN fails, and so does a number past {@code max}: write {@code unlimited} instead.
     */
    public double atLeastOrUnlimited(String key, double fallback, double min, double max) {
        if (isUnlimited(key)) {
            return Double.POSITIVE_INFINITY;
        }
        double value = numberOrUnlimited(key, fallback);
        if (value == Double.POSITIVE_INFINITY) {
            return value;
        }
        if (!(value >= min && value <= max)) {
            throw new ConfigurationException(settings.keyOf(key) + " (" + settings.raw(key) + ") must be from "
                    + Numbers.format(min) + " to " + Numbers.format(max) + ", or 'unlimited'.");
        }
        return value;
    }

    /** A positive number, or {@code unlimited} for positive infinity. */
    public double positiveOrUnlimited(String key, double fallback) {
        if (isUnlimited(key)) {
            return Double.POSITIVE_INFINITY;
        }
        double value = numberOrUnlimited(key, fallback);
        if (!(value > 0)) {
            throw new ConfigurationException(settings.keyOf(key) + " (" + settings.raw(key) + ") must be positive, "
                    + "or 'unlimited'.");
        }
        return value;
    }

    private double numberOrUnlimited(String key, double fallback) {
        try {
            return settings.getDoubleOrInfinity(key, fallback);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(settings.keyOf(key) + " (" + settings.raw(key) + ") must be a positive "
                    + "number, or 'unlimited'.", e);
        }
    }

    private boolean isUnlimited(String key) {
        Object raw = settings.raw(key);
        return raw instanceof String text && List.of("unlimited", "none", "inf", "+inf", "infinity", "+infinity",
                ".inf").contains(text.trim().toLowerCase(Locale.ROOT));
    }

    /** Fails on a key nobody read, naming a close known key. */
    public void requireAllUsed(String owner) {
        requireAllUsed(settings, owner);
    }

    /**
     * {@link Settings#requireAllUsed}, with a "did you mean" for the first unknown key when a known
     * one is close to it.
     */
    public static void requireAllUsed(Settings settings, String owner) {
        requireAllUsed(settings, owner, List.of());
    }

    /**
     * {@link #requireAllUsed(Settings, String)}, where the section also has keys of its own that the
     * settings' reader does not read ({@code search.strategy}, {@code space.name}): a misspelling of
     * one of those gets its "did you mean" too.
     */
    public static void requireAllUsed(Settings settings, String owner, List<String> sectionKeys) {
        try {
            settings.requireAllUsed(owner);
        } catch (ConfigurationException e) {
            String unknown = settings.unusedKeys().iterator().next();
            List<String> known = new java.util.ArrayList<>(settings.readSettings().keySet());
            known.addAll(sectionKeys);
            String hint = Names.didYouMean(unknown, known);
            throw new ConfigurationException(hint.isEmpty() ? e.getMessage() : e.getMessage() + hint, e);
        }
    }
}
