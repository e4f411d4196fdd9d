package io.layernas.core.ppo;

import io.layernas.api.Architecture;
import io.layernas.api.Candidate;
import io.layernas.api.SearchContext;
import io.layernas.api.SearchStrategy;
import io.layernas.api.Trial;
import io.layernas.core.HeapLimit;
import io.layernas.core.MnasReward;
import io.layernas.core.evolution.RegularizedEvolution;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Proximal policy optimisation (Schulman et al. 2017) over a factorised controller, as the paper's
 * baseline (Appendix B/C: train batch 16, update batch 8, 10 updates per feedback), maximising the
 * {@link MnasReward MNAS reward}.
 *
 * <p>The policy is one independent categorical distribution per layer (no LSTM). Each round it
 * draws {@code trainBatch} architectures, evaluates them as one batch, and computes advantages
 * {@code reward - baseline}, where the baseline is an exponential moving average of the batch mean
 * reward (the first batch's mean to start). It then makes {@code updatesPerFeedback} Adam steps on
 * the clipped surrogate, each on {@code updateBatch} samples taken in turn from shuffled passes
 * over the round's batch. A failed trial has reward 0.
 *
 * <p>An architecture drawn again returns its earlier trial at no cost and still counts as
 * feedback. The search ends with the budget, or after {@code maxIdleRounds} rounds in a row drew
 * no new architecture (the policy has converged). It searches the whole space; the result counts
 * the best trial inside the target. Stateless: randomness comes from {@code random("ppo")}.
 *
 * @param config the settings
 */
public record Ppo(Config config) implements SearchStrategy {
    @Override
    public void search(SearchContext context) {
        SplittableRandom random = context.random("ppo");
        MnasReward reward = MnasReward.of(context.target(), config.mnasExponent());
        CategoricalPolicy policy = new CategoricalPolicy(
                context.space().layers().stream().mapToInt(io.layernas.api.Layer::size).toArray(),
                config.learningRate());
        double baseline = Double.NaN;
        for (int idle = 0; !context.budgetExhausted() && idle < config.maxIdleRounds(); ) {
            Architecture[] actions = new Architecture[config.trainBatch()];
            List<Candidate> batch = new ArrayList<>();
            boolean anyNew = false;
            for (int i = 0; i < actions.length; i++) {
                actions[i] = policy.sample(random);
                anyNew |= context.find(actions[i]).isEmpty();
                batch.add(Candidate.of(actions[i]));
            }
            idle = anyNew ? 0 : idle + 1;
            List<Trial> trials = context.evaluate(batch);
            if (trials.size() < actions.length) {
                return; // the budget ran out part way; there is nothing left to learn for
            }
            double[] rewards = rewards(trials, reward);
            double mean = mean(rewards);
            baseline = Double.isNaN(baseline) ? mean : baseline;
            double[] advantages = new double[rewards.length];
            for (int i = 0; i < rewards.length; i++) {
                advantages[i] = rewards[i] - baseline;
            }
            update(policy, actions, advantages, random);
            baseline = config.baselineDecay() * baseline + (1 - config.baselineDecay()) * mean;
        }
    }

    private void update(CategoricalPolicy policy, Architecture[] actions, double[] advantages,
                        SplittableRandom random) {
        double[] oldLogProbabilities = new double[actions.length];
        for (int i = 0; i < actions.length; i++) {
            oldLogProbabilities[i] = policy.logProbability(actions[i]);
        }
        int[] order = permutation(actions.length, random);
        int next = 0;
        for (int update = 0; update < config.updatesPerFeedback(); update++) {
            int size = Math.min(config.updateBatch(), actions.length);
            Architecture[] miniActions = new Architecture[size];
            double[] miniOld = new double[size];
            double[] miniAdvantages = new double[size];
            for (int j = 0; j < size; j++) {
                if (next == order.length) {
                    order = permutation(actions.length, random);
                    next = 0;
                }
                int i = order[next++];
                miniActions[j] = actions[i];
                miniOld[j] = oldLogProbabilities[i];
                miniAdvantages[j] = advantages[i];
            }
            policy.step(miniActions, miniOld, miniAdvantages, config.clip(), config.entropy());
        }
    }

    private static double[] rewards(List<Trial> trials, MnasReward reward) {
        double[] rewards = new double[trials.size()];
        for (int i = 0; i < rewards.length; i++) {
            rewards[i] = trials.get(i).succeeded() ? reward.of(trials.get(i)) : 0;
        }
        return rewards;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /**
     * Settings of PPO.
     *
     * @param trainBatch         architectures drawn and evaluated per round (paper: 16)
     * @param updateBatch        samples per gradient step (paper: 8)
     * @param updatesPerFeedback gradient steps per round (paper: 10)
     * @param learningRate       Adam's step size on the logits (default 0.01)
     * @param clip               PPO's clipping {@code ε} (default 0.2)
     * @param entropy            weight of the entropy bonus (default 0)
     * @param baselineDecay      decay of the moving-average baseline, in [0, 1) (default 0.9)
     * @param mnasExponent       exponent of the MNAS reward (paper: -0.07)
     * @param maxIdleRounds      rounds in a row without a new architecture after which the search
     *                           ends (default 100)
     */
    public record Config(int trainBatch, int updateBatch, int updatesPerFeedback, double learningRate, double clip,
                         double entropy, double baselineDecay, double mnasExponent, int maxIdleRounds) {
        public Config {
            RegularizedEvolution.Config.positive("trainBatch", trainBatch, "16, the paper's");
            RegularizedEvolution.Config.positive("updateBatch", updateBatch, "8, the paper's");
            RegularizedEvolution.Config.positive("updatesPerFeedback", updatesPerFeedback, "10, the paper's");
            RegularizedEvolution.Config.positive("maxIdleRounds", maxIdleRounds, "100");
            check("learningRate", learningRate, learningRate > 0 && Double.isFinite(learningRate), "0.01");
            check("clip", clip, clip > 0 && clip < 1, "0.2");
            check("entropy", entropy, entropy >= 0 && Double.isFinite(entropy), "0 or 0.01");
            check("baselineDecay", baselineDecay, baselineDecay >= 0 && baselineDecay < 1, "0.9");
            new MnasReward(mnasExponent, Double.NaN);
            HeapLimit.check("trainBatch (" + trainBatch + ")", (double) trainBatch * BYTES_PER_ACTION,
                    HeapLimit.maxHeap(), "for one round's actions and trials", "Lower it (the paper uses 16)");
        }

        /** Bytes one action of a round takes while it is evaluated and learnt from, at most. */
        static final long BYTES_PER_ACTION = 512;

        /** The paper's batch sizes with learning rate 0.01, clip 0.2, no entropy bonus, decay 0.9. */
        public static Config paper() {
            return new Config(16, 8, 10, 0.01, 0.2, 0, 0.9, MnasReward.PAPER_EXPONENT, 100);
        }

        private static void check(String name, double value, boolean valid, String suggestion) {
            if (!valid) {
                throw new IllegalArgumentException(name + " (" + value + ") is out of range. Maybe you meant "
                        + suggestion + "?");
            }
        }
    }
}
