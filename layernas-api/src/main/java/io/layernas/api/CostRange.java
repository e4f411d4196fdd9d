package io.layernas.api;

/**
 * A closed interval of cost, in the unit of the cost model that produced it.
 *
 * @param min the least cost, inclusive
 * @param max the greatest cost, inclusive; {@code max >= min}
 */
public record CostRange(double min, double max) {
    public CostRange {
        if (Double.isNaN(min) || Double.isNaN(max) || max < min) {
            throw new IllegalArgumentException("cost range [" + min + ", " + max + "] is empty or not a number");
        }
    }

    /** The range holding one value. */
    public static CostRange point(double cost) {
        return new CostRange(cost, cost);
    }

    /** True when {@code cost} lies in the range. */
    public boolean contains(double cost) {
        return cost >= min && cost <= max;
    }

    /** True when the two ranges share at least one value. */
    public boolean intersects(CostRange other) {
        return other.max >= min && other.min <= max;
    }

    /** Width {@code max - min}. */
    public double width() {
        return max - min;
    }

    @Override
    public String toString() {
        return "[" + min + ", " + max + "]";
    }
}
