package io.layernas.core.tpe;

import java.util.SplittableRandom;

/**
 * Optuna's Parzen estimator of one categorical parameter ({@code _ParzenEstimator} with a
 * {@code CategoricalDistribution}): one kernel per observation, which puts {@code 1 +
 * priorWeight/K} on the observed choice and {@code priorWeight/K} on every choice before
 * normalising ({@code K} = observations + 1), plus a uniform prior kernel; the mixture weights are
 * Optuna's {@code default_weights} of the observations (oldest first) and {@code priorWeight} for
 * the prior, normalised. With no observation it is the uniform distribution. Immutable.
 */
final class CategoricalParzen {
    private final int choices;
    private final int[] observed;
    private final double[] mixture;
    private final double[] cumulative;
    private final double shared;
    private final double rowSum;

    /**
     * @param choices     number of choices
     * @param observed    observed choices, oldest first
     * @param priorWeight Optuna's {@code prior_weight}
     */
    CategoricalParzen(int choices, int[] observed, double priorWeight) {
        this.choices = choices;
        this.observed = observed.clone();
        this.mixture = mixtureWeights(observed.length, priorWeight);
        this.cumulative = new double[mixture.length];
        double sum = 0;
        for (int i = 0; i < mixture.length; i++) {
            sum += mixture[i];
            cumulative[i] = sum;
        }
        int kernels = observed.length + 1;
        this.shared = priorWeight / kernels;
        this.rowSum = shared * choices + 1;
    }

    /** Normalised mixture weights: observations' kernels in order, then the prior's (1 alone when empty). */
    static double[] mixtureWeights(int observations, double priorWeight) {
        if (observations == 0) {
            return new double[] {1};
        }
        double[] weights = new double[observations + 1];
        double[] ramp = defaultWeights(observations);
        System.arraycopy(ramp, 0, weights, 0, observations);
        weights[observations] = priorWeight;
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum;
        }
        return weights;
    }

    /** Optuna's {@code default_weights(n)}: ones up to 25, else a ramp from 1/n to 1 for all but the newest 25. */
    static double[] defaultWeights(int n) {
        double[] weights = new double[n];
        java.util.Arrays.fill(weights, 1);
        if (n >= 25) {
            int ramp = n - 25;
            for (int i = 0; i < ramp; i++) {
                // numpy.linspace(1/n, 1, ramp)
                weights[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * i / (ramp - 1);
            }
        }
        return weights;
    }

    /** Number of kernels, the prior's included (1 when there is no observation). */
    int kernels() {
        return mixture.length;
    }

    /** The mixture weight of kernel {@code i}. */
    double mixtureWeight(int i) {
        return mixture[i];
    }

    /** Draws a kernel by its mixture weight. */
    int drawKernel(SplittableRandom random) {
        return firstAbove(cumulative, random.nextDouble());
    }

    /** The first index whose cumulative weight exceeds {@code u} (the last when none does). */
    static int firstAbove(double[] cumulative, double u) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (u < cumulative[middle]) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** Draws a choice from kernel {@code kernel}. */
    int drawFromKernel(int kernel, SplittableRandom random) {
        if (kernel < observed.length && random.nextDouble() * rowSum < 1) {
            return observed[kernel];
        }
        return random.nextInt(choices);
    }

    /** The log density of {@code choice} in kernel {@code kernel}. */
    double kernelLogPdf(int kernel, int choice) {
        if (kernel >= observed.length) {
            return -Math.log(choices);
        }
        return Math.log((shared + (observed[kernel] == choice ? 1 : 0)) / rowSum);
    }

    /** The mixture's probability of each choice. */
    double[] probabilities() {
        double[] p = new double[choices];
        if (observed.length == 0) {
            java.util.Arrays.fill(p, 1.0 / choices);
            return p;
        }
        double observedMass = 1 - mixture[observed.length];
        for (int c = 0; c < choices; c++) {
            p[c] = observedMass * shared / rowSum + mixture[observed.length] / choices;
        }
        for (int i = 0; i < observed.length; i++) {
            p[observed[i]] += mixture[i] / rowSum;
        }
        return p;
    }
}
