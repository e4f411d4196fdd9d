package io.layernas.core.ppo;

import io.layernas.api.Architecture;
import java.util.SplittableRandom;

/**
 * A factorised controller: one independent categorical distribution per layer, softmax of its
 * own logits, trained with the clipped PPO objective and Adam. Mutable; one per search.
 */
final class CategoricalPolicy {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double[][] logits;
    private final double[][] firstMoment;
    private final double[][] secondMoment;
    private final double learningRate;
    private int steps;

    /** Uniform distributions over {@code optionCounts[l]} options per layer. */
    CategoricalPolicy(int[] optionCounts, double learningRate) {
        logits = new double[optionCounts.length][];
        firstMoment = new double[optionCounts.length][];
        secondMoment = new double[optionCounts.length][];
        for (int layer = 0; layer < optionCounts.length; layer++) {
            logits[layer] = new double[optionCounts[layer]];
            firstMoment[layer] = new double[optionCounts[layer]];
            secondMoment[layer] = new double[optionCounts[layer]];
        }
        this.learningRate = learningRate;
    }

    /** The probabilities of the options of {@code layer}. */
    double[] probabilities(int layer) {
        double[] values = logits[layer];
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double[] p = new double[values.length];
        double sum = 0;
        for (int k = 0; k < values.length; k++) {
            p[k] = Math.exp(values[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** An architecture drawn from the policy. */
    Architecture sample(SplittableRandom random) {
        int[] choices = new int[logits.length];
        for (int layer = 0; layer < choices.length; layer++) {
            double[] p = probabilities(layer);
            double u = random.nextDouble();
            int k = 0;
            double cumulative = p[0];
            while (u >= cumulative && k < p.length - 1) {
                k++;
                cumulative += p[k];
            }
            choices[layer] = k;
        }
        return Architecture.of(choices);
    }

    /** The log-probability of drawing {@code architecture}. */
    double logProbability(Architecture architecture) {
        double sum = 0;
        for (int layer = 0; layer < logits.length; layer++) {
            sum += Math.log(probabilities(layer)[architecture.choice(layer)]);
        }
        return sum;
    }

    /**
     * One gradient-ascent step (Adam) on the clipped surrogate
     * {@code mean_i min(ρ_i A_i, clip(ρ_i, 1-ε, 1+ε) A_i) + entropy · Σ_l H_l}, where
     * {@code ρ_i = π(a_i) / π_old(a_i)}.
     */
    void step(Architecture[] actions, double[] oldLogProbabilities, double[] advantages, double clip,
              double entropy) {
        adam(gradient(actions, oldLogProbabilities, advantages, clip, entropy));
    }

    /** The gradient of the objective {@link #step} ascends, with respect to the logits. */
    double[][] gradient(Architecture[] actions, double[] oldLogProbabilities, double[] advantages, double clip,
                        double entropy) {
        double[][] gradient = new double[logits.length][];
        for (int layer = 0; layer < logits.length; layer++) {
            gradient[layer] = new double[logits[layer].length];
        }
        for (int i = 0; i < actions.length; i++) {
            addSurrogateGradient(gradient, actions[i], oldLogProbabilities[i], advantages[i] / actions.length, clip);
        }
        if (entropy != 0) {
            addEntropyGradient(gradient, entropy);
        }
        return gradient;
    }

    /** The objective {@link #step} ascends, for checking its gradient. */
    double objective(Architecture[] actions, double[] oldLogProbabilities, double[] advantages, double clip,
                     double entropy) {
        double sum = 0;
        for (int i = 0; i < actions.length; i++) {
            double ratio = Math.exp(logProbability(actions[i]) - oldLogProbabilities[i]);
            double clipped = Math.max(1 - clip, Math.min(1 + clip, ratio));
            sum += Math.min(ratio * advantages[i], clipped * advantages[i]) / actions.length;
        }
        for (int layer = 0; layer < logits.length; layer++) {
            for (double q : probabilities(layer)) {
                sum -= q > 0 ? entropy * q * Math.log(q) : 0;
            }
        }
        return sum;
    }

    /** Sets one logit, for tests. */
    void setLogit(int layer, int option, double value) {
        logits[layer][option] = value;
    }

    private void addSurrogateGradient(double[][] gradient, Architecture action, double oldLogProbability,
                                      double advantage, double clip) {
        double ratio = Math.exp(logProbability(action) - oldLogProbability);
        if ((advantage > 0 && ratio > 1 + clip) || (advantage < 0 && ratio < 1 - clip)) {
            return; // the clipped term is the minimum and it does not depend on the logits
        }
        for (int layer = 0; layer < logits.length; layer++) {
            double[] p = probabilities(layer);
            for (int k = 0; k < p.length; k++) {
                double dLogP = (k == action.choice(layer) ? 1 : 0) - p[k];
                gradient[layer][k] += ratio * advantage * dLogP;
            }
        }
    }

    private void addEntropyGradient(double[][] gradient, double coefficient) {
        for (int layer = 0; layer < logits.length; layer++) {
            double[] p = probabilities(layer);
            double h = 0;
            for (double q : p) {
                h -= q > 0 ? q * Math.log(q) : 0;
            }
            for (int k = 0; k < p.length; k++) {
                double log = p[k] > 0 ? Math.log(p[k]) : 0;
                gradient[layer][k] += coefficient * -p[k] * (log + h);
            }
        }
    }

    private void adam(double[][] gradient) {
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        for (int layer = 0; layer < logits.length; layer++) {
            for (int k = 0; k < logits[layer].length; k++) {
                double g = gradient[layer][k];
                firstMoment[layer][k] = BETA1 * firstMoment[layer][k] + (1 - BETA1) * g;
                secondMoment[layer][k] = BETA2 * secondMoment[layer][k] + (1 - BETA2) * g * g;
                double m = firstMoment[layer][k] / correction1;
                double v = secondMoment[layer][k] / correction2;
                logits[layer][k] += learningRate * m / (Math.sqrt(v) + EPSILON);
            }
        }
    }
}
