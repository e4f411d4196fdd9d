package io.layernas.core.compare;

import java.util.Arrays;
import java.util.Objects;

/**
 * One strategy's best-so-far accuracy over all its runs, on the comparison's common grid: at each
 * grid point, the mean and the 25% and 75% quantiles over the runs that had found an in-target
 * model by then ({@code runs[i]} of them; the values are NaN where none had). This is what a plot
 * draws: the mean as a line, the quantiles as a band. Immutable; arrays are copied in and out.
 *
 * @param strategy the strategy's name
 * @param metric   validation or test accuracy of the best-so-far model
 * @param axis     what {@code time} counts
 * @param time     the grid, increasing
 * @param mean     the mean per grid point
 * @param q25      the 25% quantile per grid point (linear interpolation, numpy's default)
 * @param q75      the 75% quantile per grid point
 * @param runs     how many runs contribute to each grid point
 */
public record Curve(String strategy, Metric metric, Axis axis, double[] time, double[] mean, double[] q25,
                    double[] q75, int[] runs) {
    public Curve {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(axis, "axis");
        int n = time.length;
        if (mean.length != n || q25.length != n || q75.length != n || runs.length != n) {
            throw new IllegalArgumentException("all arrays of a curve must have the grid's length " + n);
        }
        time = time.clone();
        mean = mean.clone();
        q25 = q25.clone();
        q75 = q75.clone();
        runs = runs.clone();
    }

    @Override
    public double[] time() {
        return time.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] q25() {
        return q25.clone();
    }

    @Override
    public double[] q75() {
        return q75.clone();
    }

    @Override
    public int[] runs() {
        return runs.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Curve other && strategy.equals(other.strategy) && metric == other.metric
                && axis == other.axis && Arrays.equals(time, other.time) && Arrays.equals(mean, other.mean)
                && Arrays.equals(q25, other.q25) && Arrays.equals(q75, other.q75) && Arrays.equals(runs, other.runs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(strategy, metric, axis, Arrays.hashCode(time), Arrays.hashCode(mean));
    }

    @Override
    public String toString() {
        return "Curve[" + strategy + ", " + metric + ", " + time.length + " points]";
    }
}
