package io.layernas.bench;

import io.layernas.api.Budget;
import io.layernas.api.SearchResult;
import io.layernas.api.SearchStrategy;
import io.layernas.core.layernas.LayerNas;
import io.layernas.core.layernas.LayerNasDp;
import io.layernas.core.SearchRun;
import io.layernas.core.SyntheticEvaluator;

/**
 * Prints, for the configurations of {@link ScalingBenchmark}, how many candidates a complete
 * search trains against the paper's bound {@code H·k·Σ|S_i|}, as a Markdown table. Counts, not
 * timings: the same on every machine.
 */
public final class ScalingReport {
    private ScalingReport() {
    }

    /** Prints the table to standard output. */
    public static void main(String[] args) {
        System.out.println("| algorithm | H | k | options per layer | L | trainings | bound H·k·Σ\\|S\\| | trainings / (H·\\|S\\|·L) |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String algorithm : new String[] {"dp", "iterative"}) {
            for (int layers : new int[] {10, 20}) {
                for (int options : new int[] {8, 16}) {
                    for (int buckets : new int[] {25, 50, 100}) {
                        row(algorithm, buckets, 3, options, layers);
                    }
                }
            }
        }
    }

    private static void row(String algorithm, int buckets, int perBucket, int options, int layers) {
        Problems.Problem problem = Problems.synthetic(layers, options, 7);
        SearchStrategy strategy = algorithm.equals("dp") ? new LayerNasDp(buckets, perBucket)
                : new LayerNas(new LayerNas.Config(buckets, perBucket, 10, 5, LayerNas.Policy.RANDOM, true));
        SearchResult result = SearchRun.builder().space(problem.space()).costModel(problem.costs())
                .evaluator(new SyntheticEvaluator(1, 0, 1)).strategy(strategy).target(problem.target())
                .budget(Budget.unlimited()).seed(1).build().run();
        long bound = (long) buckets * perBucket * problem.space().optionCount();
        System.out.printf("| %s | %d | %d | %d | %d | %d | %d | %.2f |%n", algorithm, buckets, perBucket, options,
                layers, result.evaluations(), bound, result.evaluations() / (double) (buckets * options * layers));
    }
}
