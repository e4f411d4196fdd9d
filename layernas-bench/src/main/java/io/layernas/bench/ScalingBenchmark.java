package io.layernas.bench;

import io.layernas.api.Budget;
import io.layernas.api.SearchResult;
import io.layernas.core.layernas.LayerNas;
import io.layernas.core.layernas.LayerNasDp;
import io.layernas.core.SearchRun;
import io.layernas.core.SyntheticEvaluator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How a complete search (unlimited budget) grows with {@code H}, {@code k}, {@code |S|} and
 * {@code L} on synthetic additive spaces: the paper's {@code O(H·|S|·L)}. {@link ScalingReport}
 * prints the trainings per search of the same configurations; time per search divided by them gives
 * the overhead per candidate.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ScalingBenchmark {
    @Param({"25", "50", "100"})
    public int buckets;

    @Param({"3"})
    public int perBucket;

    @Param({"8", "16"})
    public int options;

    @Param({"10", "20"})
    public int layers;

    @Param({"dp", "iterative"})
    public String algorithm;

    private Problems.Problem problem;
    private final SyntheticEvaluator evaluator = new SyntheticEvaluator(1, 0, 1);

    @Setup(Level.Trial)
    public void setUp() {
        problem = Problems.synthetic(layers, options, 7);
    }

    @Benchmark
    public SearchResult search() {
        var strategy = algorithm.equals("dp") ? new LayerNasDp(buckets, perBucket)
                : new LayerNas(new LayerNas.Config(buckets, perBucket, 10, 5, LayerNas.Policy.RANDOM, true));
        SearchResult result = SearchRun.builder().space(problem.space()).costModel(problem.costs())
                .evaluator(evaluator).strategy(strategy).target(problem.target()).budget(Budget.unlimited())
                .seed(1).build().run();
        return result;
    }
}
