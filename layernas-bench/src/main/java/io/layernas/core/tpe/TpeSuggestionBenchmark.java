package io.layernas.core.tpe;

import io.layernas.api.AdditiveCostModel;
import io.layernas.api.Architecture;
import io.layernas.api.Layer;
import io.layernas.api.TargetRange;
import io.layernas.core.SimpleSearchSpace;
import java.util.ArrayList;
import java.util.List;
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
 * One TPE suggestion after {@code told} trials, as in a study that keeps suggesting cells it
 * knows: six layers of five options (the {@code nats-tss-edges} shape), 500 distinct cells told
 * first, then repeats of the best of them. Optuna reads every told trial at every suggestion, so
 * its cost grows with the history; ours should not. (In package {@code io.layernas.core.tpe} to
 * reach the package-private suggestion; nothing else of core is opened for it.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TpeSuggestionBenchmark {
    private static final int LAYERS = 6;
    private static final int OPTIONS = 5;
    private static final int DISTINCT = 500;

    /** Trials told before the measured suggestion. */
    @Param({"1000", "100000", "1000000"})
    public int told;

    private SimpleSearchSpace space;
    private TpeHistory history;
    private Feasible feasible;
    private Tpe tpe;
    private SplittableRandom random;

    @Setup(Level.Trial)
    public void setUp() {
        List<Layer> layers = new ArrayList<>();
        double[][] costs = new double[LAYERS][OPTIONS];
        for (int layer = 0; layer < LAYERS; layer++) {
            layers.add(new Layer("e" + layer, List.of("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3")));
        }
        space = new SimpleSearchSpace("edges", layers);
        AdditiveCostModel costModel = new AdditiveCostModel(costs, "cost");
        feasible = Feasible.of(space, costModel, TargetRange.unconstrained());
        tpe = new Tpe(Tpe.Config.defaults());
        random = new SplittableRandom(1);
        history = new TpeHistory(new int[] {OPTIONS, OPTIONS, OPTIONS, OPTIONS, OPTIONS, OPTIONS});
        SplittableRandom fill = new SplittableRandom(7);
        List<int[]> cells = new ArrayList<>();
        double[] losses = new double[DISTINCT];
        for (int i = 0; i < told; i++) {
            int[] cell;
            double loss;
            if (i < DISTINCT) {
                cell = new int[LAYERS];
                for (int layer = 0; layer < LAYERS; layer++) {
                    cell[layer] = fill.nextInt(OPTIONS);
                }
                cells.add(cell);
                loss = losses[i] = -fill.nextDouble();
            } else {
                // repeats, mostly of the first fifty cells, as a converged study suggests them
                int known = fill.nextInt(10) < 9 ? fill.nextInt(50) : fill.nextInt(DISTINCT);
                cell = cells.get(known);
                loss = losses[known];
            }
            history.add(Architecture.of(cell), loss, 0);
        }
    }

    @Benchmark
    public Architecture suggest() {
        return tpe.suggest(space, history, feasible, random);
    }
}
