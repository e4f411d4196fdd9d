package io.layernas.api;

/**
 * How far one evaluation has come, as an {@link Evaluator} reports it through
 * {@link EvaluationMonitor#progress}. Immutable.
 *
 * @param epoch   epochs finished so far (0 before the first one ends), at most {@code epochs}
 * @param epochs  epochs the evaluation trains in all (at least 1)
 * @param loss    the mean training loss of the last finished epoch, or {@code NaN} when there is none yet
 * @param seconds wall-clock seconds since the evaluation began
 */
public record EvaluationProgress(int epoch, int epochs, double loss, double seconds) {
    public EvaluationProgress {
        if (epochs < 1 || epoch < 0 || epoch > epochs) {
            throw new IllegalArgumentException("need 0 <= epoch <= epochs and epochs >= 1, was " + epoch + "/" + epochs);
        }
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("seconds must be >= 0, was " + seconds);
        }
    }

    /** The share of the evaluation done, in [0, 1]. */
    public double fraction() {
        return (double) epoch / epochs;
    }
}
