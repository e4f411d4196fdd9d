package io.layernas.core;

import io.layernas.api.AdditiveCostModel;
import io.layernas.api.Architecture;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Evaluator;
import io.layernas.api.Layer;
import io.layernas.api.Metrics;
import io.layernas.api.SearchSpace;
import io.layernas.api.TargetRange;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random small layerwise problems with integer costs and additive accuracy, for tests. */
public final class RandomSpaces {
    private RandomSpaces() {
    }

    /** A space, its additive cost model and an additive evaluator. */
    public record Problem(SearchSpace space, AdditiveCostModel costs, double[][] accuracy) {
        /** An evaluator returning the additive accuracy. */
        public Evaluator evaluator() {
            return request -> Metrics.of(accuracy(request.architecture()));
        }

        /** The additive accuracy of an architecture. */
        public double accuracy(Architecture architecture) {
            double total = 0;
            for (int i = 0; i < accuracy.length; i++) {
                total += accuracy[i][architecture.choice(i)];
            }
            return total;
        }

        /** The best accuracy inside the target, by brute force; NaN when nothing is inside. */
        public double bruteForceOptimum(TargetRange target) {
            double best = Double.NaN;
            for (Architecture architecture : space.enumerate(2_000_000)) {
                if (target.contains(costs.cost(architecture))) {
                    double accuracy = accuracy(architecture);
                    if (Double.isNaN(best) || accuracy > best) {
                        best = accuracy;
                    }
                }
            }
            return best;
        }

        /** Evaluates with the additive accuracy; for tests that want an {@link EvaluationRequest}. */
        public Metrics evaluate(EvaluationRequest request) {
            return Metrics.of(accuracy(request.architecture()));
        }
    }

    /**
     * A problem of {@code layers} layers with 2..{@code maxOptions} options each, integer option
     * costs in 1..{@code maxCost} decreasing with the option index (option 0 is the dearest, as
     * the paper orders them), and accuracy contributions that grow with cost plus noise.
     */
    public static Problem problem(long seed, int layers, int maxOptions, int maxCost) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Layer> layerList = new ArrayList<>();
        double[][] costs = new double[layers][];
        double[][] accuracy = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int options = 2 + random.nextInt(maxOptions - 1);
            List<String> names = new ArrayList<>();
            costs[l] = new double[options];
            accuracy[l] = new double[options];
            for (int o = 0; o < options; o++) {
                names.add("o" + o);
                costs[l][o] = 1 + random.nextInt(maxCost);
                accuracy[l][o] = 0.01 * costs[l][o] + 0.02 * random.nextDouble();
            }
            java.util.Arrays.sort(costs[l]);
            reverse(costs[l]);
            layerList.add(new Layer("layer" + l, names));
        }
        return new Problem(new SimpleSearchSpace("random-" + seed, layerList), new AdditiveCostModel(costs, "cost"),
                accuracy);
    }

    private static void reverse(double[] values) {
        for (int i = 0, j = values.length - 1; i < j; i++, j--) {
            double swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
