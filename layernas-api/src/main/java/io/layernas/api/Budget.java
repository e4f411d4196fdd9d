package io.layernas.api;

/**
 * How much a search may spend. A search stops at the first limit it reaches; the trial that
 * crosses a limit is the last one it makes.
 *
 * @param maxEvaluations      most trials (failed ones included); {@link Long#MAX_VALUE} for no limit
 * @param maxTrainingSeconds  most summed {@link Metrics#trainingSeconds()};
 *                            {@link Double#POSITIVE_INFINITY} for no limit
 */
public record Budget(long maxEvaluations, double maxTrainingSeconds) {
    public Budget {
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations must be at least 1, was " + maxEvaluations);
        }
        if (Double.isNaN(maxTrainingSeconds) || maxTrainingSeconds <= 0) {
            throw new IllegalArgumentException("maxTrainingSeconds must be positive, was " + maxTrainingSeconds);
        }
    }

    /** No limit: the strategy stops when it has nothing left to try. */
    public static Budget unlimited() {
        return new Budget(Long.MAX_VALUE, Double.POSITIVE_INFINITY);
    }

    /** At most {@code n} trials. */
    public static Budget evaluations(long n) {
        return new Budget(n, Double.POSITIVE_INFINITY);
    }

    /** At most {@code seconds} of summed training time. */
    public static Budget trainingSeconds(double seconds) {
        return new Budget(Long.MAX_VALUE, seconds);
    }

    /** {@code 300 trials, unlimited training seconds}: for provenance and messages. */
    @Override
    public String toString() {
        String seconds = Double.isInfinite(maxTrainingSeconds) ? "unlimited"
                : java.math.BigDecimal.valueOf(maxTrainingSeconds).stripTrailingZeros().toPlainString();
        return (maxEvaluations == Long.MAX_VALUE ? "unlimited" : Long.toString(maxEvaluations)) + " trials, "
                + seconds + " training seconds";
    }

    /** True when neither limit is set. */
    public boolean isUnlimited() {
        return maxEvaluations == Long.MAX_VALUE && maxTrainingSeconds == Double.POSITIVE_INFINITY;
    }
}
