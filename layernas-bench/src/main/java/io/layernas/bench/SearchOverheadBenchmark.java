package io.layernas.bench;

import io.layernas.api.Budget;
import io.layernas.api.SearchResult;
import io.layernas.cli.plugins.PluginKind;
import io.layernas.cli.plugins.PluginRegistry;
import io.layernas.cli.wiring.Plugins;
import io.layernas.core.SearchRun;
import io.layernas.core.SyntheticEvaluator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * The search's own overhead per candidate (select, generate children, cost, bucket, store, run
 * bookkeeping) on the built-in spaces, with the synthetic stand-in evaluator so that nothing is
 * trained. Reported as candidates per second ({@code candidates} counter) and time per search.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SearchOverheadBenchmark {
    private static final Plugins PLUGINS = new Plugins(PluginRegistry.fromClassPath());

    @Param({"nats-sss", "nats-tss", "mobilenet-v3-small", "mobilenet-v2"})
    public String space;

    @Param({"layernas", "layernas-dp", "random", "evolution", "ppo", "tpe"})
    public String strategy;

    /** Evaluations per search. */
    @Param({"2000"})
    public int budget;

    private Problems.Problem problem;
    private SyntheticEvaluator evaluator;

    @Setup(Level.Trial)
    public void setUp() {
        problem = problem(space);
        evaluator = evaluator();
    }

    /**
     * The problem measured on {@code space}: a target of 45-50% of the largest cost the space
     * reaches, except on {@code nats-tss}, whose costs are so clustered (a cell's FLOPs depend on
     * which of its six edges are convolutions) that a narrow band starves LayerNAS's stores after
     * about a hundred candidates; there, every cell of at most half the largest FLOPs, as the
     * Table 3 comparison's target ({@code Table3Main --max-flops 0.5}).
     */
    static Problems.Problem problem(String space) {
        String cost = space.startsWith("nats") ? "nats-flops" : "madds";
        return space.equals("nats-tss") ? Problems.builtIn(space, cost, 0, 0.5) : Problems.builtIn(space, cost, 0.45, 0.5);
    }

    /** The stand-in evaluator: trains nothing. */
    static SyntheticEvaluator evaluator() {
        return new SyntheticEvaluator(1, 0.005, 1);
    }

    /** Counts candidates evaluated, so that JMH reports them per second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Candidates {
        public long candidates;
    }

    @Benchmark
    public SearchResult search(Candidates counter) {
        SearchResult result = search(problem, evaluator, strategy, budget, counter.candidates);
        counter.candidates += result.evaluations();
        return result;
    }

    /** One search of the benchmark. */
    static SearchResult search(Problems.Problem problem, SyntheticEvaluator evaluator, String strategy, int budget,
                               long seed) {
        return SearchRun.builder().space(problem.space()).costModel(problem.costs())
                .evaluator(evaluator).strategy(PLUGINS.strategy(Plugins.choice(PluginKind.STRATEGY, strategy, Map.of())))
                .target(problem.target())
                .budget(Budget.evaluations(budget)).seed(seed).build().run();
    }
}
