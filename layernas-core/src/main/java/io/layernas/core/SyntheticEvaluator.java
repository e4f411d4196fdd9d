package io.layernas.core;

import io.layernas.api.Architecture;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Evaluator;
import io.layernas.api.Metrics;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A stand-in evaluator that trains nothing: its "accuracy" is a made-up, deterministic function
 * of the architecture, for trying the framework, testing and benchmarking search overhead. Never
 * report its numbers as model quality.
 *
 * <p>Accuracy is {@code base + Σ_i w_i·q_i(s_i)} where option 0 (the largest) has the highest
 * quality {@code q_i} and {@code w_i} is a per-layer weight drawn from {@code tableSeed}; so it is
 * additive over layers (the paper's assumptions hold exactly) and bigger models score higher.
 * Optional Gaussian noise, drawn from the request's seed, imitates run-to-run variation.
 * Thread-safe.
 */
public final class SyntheticEvaluator implements Evaluator {
    private final long tableSeed;
    private final double noise;
    private final double secondsPerTrial;

    /**
     * @param tableSeed       seed of the made-up per-layer weights
     * @param noise           standard deviation of the per-evaluation noise (0 for none)
     * @param secondsPerTrial training seconds each trial reports (for time budgets)
     */
    public SyntheticEvaluator(long tableSeed, double noise, double secondsPerTrial) {
        if (noise < 0 || secondsPerTrial < 0) {
            throw new IllegalArgumentException("noise and secondsPerTrial must be >= 0");
        }
        this.tableSeed = tableSeed;
        this.noise = noise;
        this.secondsPerTrial = secondsPerTrial;
    }

    @Override
    public Metrics evaluate(EvaluationRequest request) {
        double accuracy = accuracy(request.architecture(), request.space().layers().stream()
                .mapToInt(io.layernas.api.Layer::size).toArray());
        if (noise > 0) {
            accuracy += noise * new SplittableRandom(request.seed()).nextDouble(-1.7320508, 1.7320508);
        }
        return new Metrics(accuracy, secondsPerTrial, Map.of("synthetic", 1.0));
    }

    /** The noise-free made-up accuracy, in (0.5, 1). */
    public double accuracy(Architecture architecture, int[] optionCounts) {
        double total = 0;
        double weights = 0;
        for (int layer = 0; layer < optionCounts.length; layer++) {
            SplittableRandom random = new SplittableRandom(Seeds.mix(tableSeed * 31 + layer));
            double weight = 0.2 + random.nextDouble();
            double quality = 1.0 - (double) architecture.choice(layer) / optionCounts[layer];
            double jitter = 0.15 * new SplittableRandom(Seeds.mix(tableSeed * 131 + layer * 1_000_003L
                    + architecture.choice(layer))).nextDouble();
            total += weight * (0.85 * quality + jitter);
            weights += weight;
        }
        return 0.5 + 0.45 * total / weights;
    }
}
