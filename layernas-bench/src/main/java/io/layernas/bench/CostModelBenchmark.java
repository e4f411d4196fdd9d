package io.layernas.bench;

import io.layernas.api.Architecture;
import io.layernas.api.CostRange;
import java.util.SplittableRandom;
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
 * Cost model evaluation per architecture: the full cost of a random architecture, the cost of a
 * child that differs from a just-costed parent in one layer (what the search asks most, and what
 * a cost model's per-layer caching makes incremental), and the exact reachable range of a child.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CostModelBenchmark {
    @Param({"mobilenet-v3-small:madds", "mobilenet-v2-1.4x:madds", "mobilenet-v3-large:params",
            "nats-sss:nats-flops", "nats-tss:nats-flops"})
    public String model;

    private Problems.Problem problem;
    private Architecture[] architectures;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = model.split(":");
        problem = Problems.builtIn(parts[0], parts[1], 0.45, 0.5);
        SplittableRandom random = new SplittableRandom(3);
        architectures = new Architecture[1024];
        for (int i = 0; i < architectures.length; i++) {
            int[] choices = new int[problem.space().layerCount()];
            for (int l = 0; l < choices.length; l++) {
                choices[l] = random.nextInt(problem.space().layers().get(l).size());
            }
            architectures[i] = Architecture.of(choices);
        }
    }

    private Architecture nextArchitecture() {
        next = (next + 1) & (architectures.length - 1);
        return architectures[next];
    }

    @Benchmark
    public double fullCost() {
        return problem.costs().cost(nextArchitecture());
    }

    @Benchmark
    public double childCost() {
        Architecture parent = nextArchitecture();
        int layer = next % parent.size();
        int option = (parent.choice(layer) + 1) % problem.space().layers().get(layer).size();
        problem.costs().cost(parent);
        return problem.costs().cost(parent.with(layer, option));
    }

    @Benchmark
    public CostRange reachableRange() {
        Architecture child = nextArchitecture();
        int fixed = next % child.size();
        return problem.costs().range(child, fixed + 1, child.size());
    }
}
