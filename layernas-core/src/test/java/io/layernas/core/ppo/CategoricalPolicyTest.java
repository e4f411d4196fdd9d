package io.layernas.core.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.layernas.api.Architecture;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CategoricalPolicyTest {
    private final Architecture[] actions = {Architecture.of(0, 2), Architecture.of(1, 2), Architecture.of(2, 0)};
    private final double[] advantages = {0.7, -0.4, 0.2};

    private CategoricalPolicy policy() {
        CategoricalPolicy policy = new CategoricalPolicy(new int[] {3, 4}, 0.05);
        double[][] values = {{0.3, -0.2, 0.1}, {0.0, 0.4, -0.5, 0.2}};
        for (int l = 0; l < values.length; l++) {
            for (int k = 0; k < values[l].length; k++) {
                policy.setLogit(l, k, values[l][k]);
            }
        }
        return policy;
    }

    @Test
    void theGradientIsThatOfTheClippedSurrogateWithEntropy() {
        CategoricalPolicy policy = policy();
        double[] old = {policy.logProbability(actions[0]) - 0.1, policy.logProbability(actions[1]) + 0.05,
                policy.logProbability(actions[2]) - 0.5}; // ratios 1.105, 0.95 and 1.65 (clipped)
        double[][] gradient = policy.gradient(actions, old, advantages, 0.2, 0.01);
        double[][] logits = {{0.3, -0.2, 0.1}, {0.0, 0.4, -0.5, 0.2}};
        double h = 1e-6;
        for (int l = 0; l < logits.length; l++) {
            for (int k = 0; k < logits[l].length; k++) {
                policy.setLogit(l, k, logits[l][k] + h);
                double up = policy.objective(actions, old, advantages, 0.2, 0.01);
                policy.setLogit(l, k, logits[l][k] - h);
                double down = policy.objective(actions, old, advantages, 0.2, 0.01);
                policy.setLogit(l, k, logits[l][k]);
                assertThat(gradient[l][k]).as("d/d logit[%d][%d]", l, k).isCloseTo((up - down) / (2 * h), within(1e-7));
            }
        }
    }

    @Test
    void aRatioClippedInTheAdvantagesDirectionGivesNoGradient() {
        CategoricalPolicy policy = policy();
        Architecture[] one = {actions[0]};
        double[] old = {policy.logProbability(actions[0]) - 0.5}; // ratio 1.65 > 1.2
        for (double[] row : policy.gradient(one, old, new double[] {1.0}, 0.2, 0)) {
            assertThat(row).containsOnly(0.0);
        }
        assertThat(policy.gradient(one, old, new double[] {-1.0}, 0.2, 0)[0]).doesNotContain(0.0);
    }

    @Test
    void stepsRaiseTheProbabilityOfRewardedChoices() {
        CategoricalPolicy policy = new CategoricalPolicy(new int[] {3, 4}, 0.05);
        Architecture good = Architecture.of(2, 1);
        Architecture bad = Architecture.of(0, 3);
        for (int round = 0; round < 20; round++) {
            Architecture[] batch = {good, bad};
            double[] old = {policy.logProbability(good), policy.logProbability(bad)};
            for (int update = 0; update < 10; update++) {
                policy.step(batch, old, new double[] {1, -1}, 0.2, 0);
            }
        }
        assertThat(policy.probabilities(0)[2]).isGreaterThan(0.8);
        assertThat(policy.probabilities(1)[1]).isGreaterThan(0.8);
        assertThat(policy.probabilities(1)[3]).isLessThan(0.05);
    }

    @Test
    void samplesFollowTheProbabilities() {
        CategoricalPolicy policy = policy();
        SplittableRandom random = new SplittableRandom(9);
        int[] counts = new int[4];
        for (int i = 0; i < 20_000; i++) {
            counts[policy.sample(random).choice(1)]++;
        }
        double[] p = policy.probabilities(1);
        for (int k = 0; k < 4; k++) {
            assertThat(counts[k] / 20_000.0).isCloseTo(p[k], within(0.015));
        }
    }
}
