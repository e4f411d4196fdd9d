package io.layernas.core;

import io.layernas.api.TargetRange;
import io.layernas.api.Trial;

/**
 * The MNAS objective {@code accuracy × (cost / target)^exponent} that regularized evolution and
 * PPO maximise, as in the paper's Appendices B and C (exponent {@code -0.07}, a soft constraint).
 *
 * <p>"Target" is the high bound of the run's {@link TargetRange}, in the cost model's unit. When
 * the target has no finite positive high bound, or a trial's cost is not positive, the reward is
 * the accuracy alone. A failed trial has reward negative infinity. Immutable.
 *
 * @param exponent the MNAS exponent, usually negative (paper: -0.07); 0 rewards accuracy alone
 * @param target   the reference cost, positive, or NaN for "no reference"
 */
public record MnasReward(double exponent, double target) {
    /** The paper's exponent. */
    public static final double PAPER_EXPONENT = -0.07;

    public MnasReward {
        if (!Double.isFinite(exponent)) {
            throw new IllegalArgumentException("mnasExponent (" + exponent + ") must be a finite number. Maybe you "
                    + "meant -0.07, the paper's?");
        }
    }

    /** The reward for a run whose target is {@code target}: the reference cost is its high bound. */
    public static MnasReward of(TargetRange target, double exponent) {
        double high = target.high();
        return new MnasReward(exponent, Double.isFinite(high) && high > 0 ? high : Double.NaN);
    }

    /** The reward of a trial: its objective scaled by its cost. */
    public double of(Trial trial) {
        return trial.succeeded() ? of(trial.objective(), trial.cost()) : Double.NEGATIVE_INFINITY;
    }

    /** The reward of an accuracy at a cost. */
    public double of(double accuracy, double cost) {
        if (Double.isNaN(target) || !(cost > 0) || exponent == 0) {
            return accuracy;
        }
        return accuracy * Math.pow(cost / target, exponent);
    }
}
