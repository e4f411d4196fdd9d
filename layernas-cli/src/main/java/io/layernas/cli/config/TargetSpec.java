package io.layernas.cli.config;

import io.layernas.api.ConfigurationException;
import io.layernas.api.CostRange;
import io.layernas.api.Settings;
import io.layernas.api.TargetRange;
import io.layernas.cli.format.Numbers;
import java.util.List;

/**
 * The {@code target} section: absolute bounds {@code {low, high}} in the cost model's unit, or
 * bounds relative to a reference cost, {@code {fraction: [0.9, 1.0], of: max}} where {@code of} is
 * {@code max} (the largest reachable cost), {@code default} (the default architecture's cost) or a
 * number. No section means no constraint. Resolved once the cost model is known.
 *
 * @param low      absolute lower bound, or NaN
 * @param high     absolute upper bound, or NaN
 * @param fraction relative bounds {@code [from, to]}, or {@code null}
 * @param of       the reference of the relative bounds
 */
public record TargetSpec(double low, double high, List<Double> fraction, String of) {

    /** No constraint. */
    public static TargetSpec none() {
        return new TargetSpec(Double.NaN, Double.NaN, null, Defaults.TARGET_OF);
    }

    /** Reads the section. */
    public static TargetSpec from(Settings settings) {
        SectionReader reader = new SectionReader(settings);
        double low = bound(settings, "low");
        double high = bound(settings, "high");
        List<String> fractionText = settings.getList("fraction", null);
        String of = settings.getString("of", Defaults.TARGET_OF);
        reader.requireAllUsed("the target (use low/high, or fraction/of)");
        if (fractionText == null) {
            if (settings.has("of")) {
                throw new ConfigurationException(settings.keyOf("of") + " (" + of + ") needs target.fraction, e.g. "
                        + "target: {fraction: [0.9, 1.0], of: max}.");
            }
            return absolute(settings, low, high);
        }
        if (!Double.isNaN(low) || !Double.isNaN(high)) {
            throw new ConfigurationException("target sets both low/high and fraction. Use one: target: {low: 5.7e7, "
                    + "high: 6e7} or target: {fraction: [0.9, 1.0], of: max}.");
        }
        return new TargetSpec(Double.NaN, Double.NaN, fractions(settings, fractionText), checkOf(settings, of));
    }

    /**
     * {@code target.low} or {@code target.high}: a number, or {@code inf}/{@code -inf}; NaN when the
     * key is absent. NaN as a value fails (it is not "no bound": leave the key out for that).
     */
    private static double bound(Settings settings, String key) {
        return settings.getDoubleOrInfinity(key, Double.NaN);
    }

    private static TargetSpec absolute(Settings settings, double low, double high) {
        double lo = Double.isNaN(low) && !Double.isNaN(high) ? Defaults.TARGET_LOW : low;
        double hi = Double.isNaN(high) && !Double.isNaN(low) ? Double.POSITIVE_INFINITY : high;
        if (!Double.isNaN(lo) && lo > hi) {
            throw new ConfigurationException(settings.keyOf("low") + " (" + Numbers.format(lo) + ") is above "
                    + settings.keyOf("high") + " (" + Numbers.format(hi) + "). Swap them: target: {low: "
                    + Numbers.format(hi) + ", high: " + Numbers.format(lo) + "}.");
        }
        return new TargetSpec(lo, hi, null, Defaults.TARGET_OF);
    }

    private static List<Double> fractions(Settings settings, List<String> text) {
        String key = settings.keyOf("fraction");
        if (text.size() != 2) {
            throw new ConfigurationException(key + " (" + text + ") must be two numbers [from, to], e.g. [0.9, 1.0].");
        }
        Settings pair = Settings.of(key, java.util.Map.of("0", text.get(0).trim(), "1", text.get(1).trim()));
        double from;
        double to;
        try {
            from = pair.getDouble("0", 0);
            to = pair.getDouble("1", 0);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(key + " (" + text + ") must be two finite numbers [from, to], e.g. "
                    + "[0.9, 1.0].", e);
        }
        if (from < 0 || to < from) {
            throw new ConfigurationException(key + " (" + text + ") must satisfy 0 <= from <= to, e.g. [0.9, 1.0].");
        }
        return List.of(from, to);
    }

    private static String checkOf(Settings settings, String of) {
        if (of.equals("max") || of.equals("default")) {
            return of;
        }
        double cost;
        try {
            cost = settings.getDouble("of", 0);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(settings.keyOf("of") + " (" + of + ") must be max, default or a cost, "
                    + "e.g. 6e7." + Names.didYouMean(of, List.of("max", "default")), e);
        }
        if (!(cost > 0)) {
            throw new ConfigurationException(settings.keyOf("of") + " (" + of + ") must be a positive cost, e.g. 6e7, "
                    + "or max or default.");
        }
        return of;
    }

    /** True when there is no constraint. */
    public boolean isNone() {
        return fraction == null && Double.isNaN(low);
    }

    /**
     * The target in the cost model's unit, checked against what the space can reach.
     *
     * @param reachable   the least and greatest cost of any architecture of the space
     * @param defaultCost the cost of the default architecture
     * @param what        names the space and cost model for messages, e.g. {@code space 'x' with cost 'y'}
     * @param unit        the cost unit
     */
    public TargetRange resolve(CostRange reachable, double defaultCost, String what, String unit) {
        if (isNone()) {
            return TargetRange.unconstrained();
        }
        TargetRange target = fraction == null ? new TargetRange(low, high)
                : new TargetRange(fraction.get(0) * reference(reachable, defaultCost),
                fraction.get(1) * reference(reachable, defaultCost));
        if (!target.reachableFrom(reachable)) {
            throw new ConfigurationException("target " + describe(target, unit) + " is outside the range of costs "
                    + "reachable in " + what + ": [" + Numbers.format(reachable.min()) + ", " + Numbers.format(reachable.max()) + "] "
                    + unit + ". Set the target inside that range, e.g. target: {low: "
                    + Numbers.format(reachable.min() + 0.8 * reachable.width()) + ", high: "
                    + Numbers.format(reachable.max()) + "}, or target: {fraction: [0.8, 1.0], of: max}.");
        }
        return target;
    }

    private double reference(CostRange reachable, double defaultCost) {
        return switch (of) {
            case "max" -> reachable.max();
            case "default" -> defaultCost;
            default -> Double.parseDouble(of);
        };
    }

    /** {@code [5.7e7, 6e7] MAdds}, or {@code fraction [0.9, 1.0] of max (= [..]) unit}. */
    public String describe(TargetRange resolved, String unit) {
        String range = "[" + Numbers.format(resolved.low()) + ", " + Numbers.format(resolved.high()) + "] " + unit;
        return fraction == null ? range : "fraction " + fraction + " of " + of + " = " + range;
    }
}
