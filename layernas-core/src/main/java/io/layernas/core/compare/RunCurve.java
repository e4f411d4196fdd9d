package io.layernas.core.compare;

import io.layernas.api.Budget;
import io.layernas.api.Metrics;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What one search of a comparison found over time: after each trial, the best validation accuracy
 * among successful trials inside the target so far, and the test accuracy of that same trial.
 * Immutable; the arrays are copied in and out.
 *
 * <p>A trial counts at the moment its training ends; a trial that ends past the budget's training
 * seconds (the one that crossed the limit) does not count, so every strategy is judged on the
 * same time.
 *
 * @param strategy        the strategy's name in the comparison
 * @param seed            the run's seed
 * @param time            per counted trial, the axis value once it finished (summed training
 *                        seconds or trial count), non-decreasing
 * @param valid           per counted trial, the best in-target validation accuracy so far, NaN
 *                        before the first in-target trial; non-decreasing once present
 * @param test            per counted trial, the test accuracy of that best trial, NaN when absent
 * @param evaluations     trials counted
 * @param trainingSeconds summed training seconds of the counted trials
 */
public record RunCurve(String strategy, long seed, double[] time, double[] valid, double[] test, int evaluations,
                       double trainingSeconds) {
    public RunCurve {
        Objects.requireNonNull(strategy, "strategy");
        if (time.length != valid.length || time.length != test.length) {
            throw new IllegalArgumentException("time, valid and test must have the same length");
        }
        time = time.clone();
        valid = valid.clone();
        test = test.clone();
    }

    /** The curve of {@code trials} (in run order) under {@code target}, cut at the budget's seconds. */
    public static RunCurve of(String strategy, long seed, List<Trial> trials, TargetRange target, Budget budget,
                              Axis axis) {
        int n = 0;
        double seconds = 0;
        double[] time = new double[trials.size()];
        double[] valid = new double[trials.size()];
        double[] test = new double[trials.size()];
        Trial best = null;
        for (Trial trial : trials) {
            if (seconds + trial.trainingSeconds() > budget.maxTrainingSeconds()) {
                break;
            }
            seconds += trial.trainingSeconds();
            if (trial.succeeded() && target.contains(trial.cost()) && (best == null || trial.objective() > best.objective())) {
                best = trial;
            }
            time[n] = axis == Axis.TRAINING_SECONDS ? seconds : n + 1;
            valid[n] = best == null ? Double.NaN : best.objective();
            test[n] = best == null ? Double.NaN : best.metrics().value(Metrics.TEST_ACCURACY, Double.NaN);
            n++;
        }
        return new RunCurve(strategy, seed, Arrays.copyOf(time, n), Arrays.copyOf(valid, n), Arrays.copyOf(test, n),
                n, seconds);
    }

    @Override
    public double[] time() {
        return time.clone();
    }

    @Override
    public double[] valid() {
        return valid.clone();
    }

    @Override
    public double[] test() {
        return test.clone();
    }

    /** The value of {@code metric} at axis value {@code at}: from the last trial finished by then, else NaN. */
    public double valueAt(Metric metric, double at) {
        int index = lastAtOrBefore(at);
        return index < 0 ? Double.NaN : (metric == Metric.VALID ? valid : test)[index];
    }

    /** The value of {@code metric} at the end of the run, NaN when no in-target trial was found. */
    public double last(Metric metric) {
        return evaluations == 0 ? Double.NaN : (metric == Metric.VALID ? valid : test)[evaluations - 1];
    }

    /** True when the run found a successful trial inside the target. */
    public boolean found() {
        return !Double.isNaN(last(Metric.VALID));
    }

    private int lastAtOrBefore(double at) {
        int low = 0;
        int high = time.length - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (time[middle] <= at) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunCurve other && strategy.equals(other.strategy) && seed == other.seed
                && Arrays.equals(time, other.time) && Arrays.equals(valid, other.valid)
                && Arrays.equals(test, other.test) && evaluations == other.evaluations
                && Double.compare(trainingSeconds, other.trainingSeconds) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(strategy, seed, Arrays.hashCode(time), Arrays.hashCode(valid), evaluations);
    }

    @Override
    public String toString() {
        return "RunCurve[" + strategy + ", seed " + seed + ", " + evaluations + " trials, best valid "
                + last(Metric.VALID) + ", its test " + last(Metric.TEST) + "]";
    }
}
