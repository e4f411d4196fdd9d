package io.layernas.api;

/**
 * The cost range a searched model must land in, {@code [low, high]}, in the cost model's unit.
 *
 * @param low  inclusive lower bound; may be 0
 * @param high inclusive upper bound; {@code high >= low}
 */
public record TargetRange(double low, double high) {
    public TargetRange {
        if (Double.isNaN(low) || Double.isNaN(high) || high < low) {
            throw new IllegalArgumentException("target [" + low + ", " + high + "] is empty: low must not exceed high");
        }
    }

    /** Everything up to {@code high}. */
    public static TargetRange atMost(double high) {
        return new TargetRange(Double.NEGATIVE_INFINITY, high);
    }

    /** No constraint. */
    public static TargetRange unconstrained() {
        return new TargetRange(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** True when {@code cost} is in the range. */
    public boolean contains(double cost) {
        return cost >= low && cost <= high;
    }

    /** True when some cost in {@code range} is in the target. */
    public boolean reachableFrom(CostRange range) {
        return range.max() >= low && range.min() <= high;
    }

    /** As a {@link CostRange}. */
    public CostRange asRange() {
        return new CostRange(low, high);
    }

    /** True when every cost meets it. */
    public boolean isUnconstrained() {
        return low == Double.NEGATIVE_INFINITY && high == Double.POSITIVE_INFINITY;
    }

    /** {@code [100.0, 110.0]}, or {@code none (any cost)} when unconstrained: for provenance and messages. */
    @Override
    public String toString() {
        return isUnconstrained() ? "none (any cost)" : "[" + low + ", " + high + "]";
    }
}
