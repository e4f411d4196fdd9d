package io.layernas.evaluators.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Architecture;
import io.layernas.api.Budget;
import io.layernas.api.CostModel;
import io.layernas.api.SearchResult;
import io.layernas.api.SearchSpace;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.core.layernas.LayerNas;
import io.layernas.core.SearchRun;
import io.layernas.spaces.natsbench.NatsCostModels;
import io.layernas.spaces.natsbench.NatsDataset;
import io.layernas.spaces.natsbench.NatsSizeSpace;
import io.layernas.spaces.natsbench.NatsTopologySpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LayerNAS (Algorithm 1) over the NATS-Bench spaces, judged by tables, against brute force over the tables. */
class LayerNasOnTablesTest {
    private static final double[] LAYER_WEIGHTS = {15, 3, 1.5, 3, 1.5};
    @TempDir
    Path dir;

    @Test
    void findsANearOptimalCellUnderAFlopsTargetOnTheReleasedTopologyTable() throws Exception {
        Path csv = NatsTopologyTableTest.tablePath();
        Assumptions.assumeTrue(Files.isRegularFile(csv), "reference table absent: " + csv);
        NatsTopologySpace space = new NatsTopologySpace(NatsDataset.CIFAR10);
        TableEvaluator evaluator = new TableEvaluator(space, BenchmarkTable.read(csv),
                TableEvaluator.Config.validation("cifar10").withSecondsPerTrial(1000));
        TargetRange target = TargetRange.atMost(110); // half of the all-conv3x3 cell's 220 MFLOPs
        assertFindsNearOptimum(space, NatsCostModels.flops(space), evaluator, target, 600, 0.005);
    }

    @Test
    void findsAModelAtHalfTheLargestFlopsOnASizeSearchFixture() throws Exception {
        NatsSizeSpace space = new NatsSizeSpace(NatsDataset.CIFAR10);
        TableEvaluator evaluator = new TableEvaluator(space, BenchmarkTable.read(sizeFixture(space)),
                TableEvaluator.Config.validation("cifar10"));
        TargetRange target = new TargetRange(120, 140); // the paper's target: 50% of 274.4 MFLOPs, about 140
        assertFindsNearOptimum(space, NatsCostModels.flops(space), evaluator, target, 600, 0.005);
    }

    private static void assertFindsNearOptimum(SearchSpace space, CostModel cost, TableEvaluator evaluator,
                                               TargetRange target, int evaluations, double tolerance) throws Exception {
        SearchResult result = SearchRun.builder().space(space).costModel(cost).evaluator(evaluator)
                .strategy(new LayerNas(LayerNas.Config.defaults())).target(target)
                .budget(Budget.evaluations(evaluations)).seed(42).workers(1).build().run();
        Trial best = result.bestTrial().orElseThrow();
        assertThat(target.contains(best.cost())).isTrue();
        assertThat(cost.cost(best.architecture())).isEqualTo(best.cost());
        double optimum = bruteForceOptimum(space, cost, evaluator, target);
        assertThat(best.objective()).as("best of %d trials vs optimum %.4f", result.evaluations(), optimum)
                .isGreaterThanOrEqualTo(optimum - tolerance);
        assertThat(result.evaluations()).isLessThanOrEqualTo(evaluations);
    }

    private static double bruteForceOptimum(SearchSpace space, CostModel cost, TableEvaluator evaluator, TargetRange target) {
        double optimum = Double.NEGATIVE_INFINITY;
        for (Architecture architecture : space.enumerate(40_000)) {
            if (target.contains(cost.cost(architecture))) {
                String column = TableColumns.of(evaluator.config().dataset(), TableColumns.VALID);
                optimum = Math.max(optimum, evaluator.row(architecture).value(column).orElseThrow() / 100);
            }
        }
        return optimum;
    }

    /**
     * A made-up size-search table: accuracy grows with log-width, weighted per layer so that the
     * best model in the target changes three layers (48:48:24:64:48 before noise), plus seeded
     * noise of up to half a point; training time grows with FLOPs. Not NATS-Bench data.
     */
    private Path sizeFixture(NatsSizeSpace space) throws IOException {
        CostModel flops = NatsCostModels.flops(space);
        List<String> lines = new ArrayList<>(List.of("index,arch,cifar10_valid,cifar10_test,cifar10_train_seconds"));
        for (Architecture architecture : space.enumerate(40_000)) {
            int[] channels = space.channels(architecture);
            long index = space.officialIndex(architecture).getAsLong();
            double accuracy = 40;
            for (int i = 0; i < channels.length; i++) {
                accuracy += LAYER_WEIGHTS[i] * Math.log(channels[i] / 8.0) / Math.log(8);
            }
            accuracy += new SplittableRandom(index).nextDouble(0.5);
            lines.add(String.format(Locale.ROOT, "%d,%s,%.3f,%.3f,%.1f", index, space.format(architecture), accuracy,
                    accuracy + 1, 100 + flops.cost(architecture)));
        }
        return Files.write(dir.resolve("sss-fixture.csv"), lines);
    }
}
