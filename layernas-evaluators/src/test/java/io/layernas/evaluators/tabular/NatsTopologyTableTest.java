package io.layernas.evaluators.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.layernas.api.Architecture;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Metrics;
import io.layernas.spaces.natsbench.NatsDataset;
import io.layernas.spaces.natsbench.NatsTopologySpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The released NATS-Bench topology table in ../shared/data; skipped when it is absent. */
class NatsTopologyTableTest {
    private static BenchmarkTable table;

    static Path tablePath() {
        return Path.of(System.getProperty("layernas.data.dir", "../shared/data"), "natsbench-tss", "nats-tss-200ep.csv");
    }

    @BeforeAll
    static void read() {
        Assumptions.assumeTrue(Files.isRegularFile(tablePath()), "reference table absent: " + tablePath());
        table = BenchmarkTable.read(tablePath());
    }

    @Test
    void holdsAllCellsWithThePublishedOptima() {
        assertThat(table.size()).isEqualTo(15625);
        Map<String, Double> optima = Map.of("cifar10_test", 94.37, "cifar100_test", 73.51, "imagenet16_test", 47.31,
                "cifar10_valid", 91.61, "cifar100_valid", 73.49, "imagenet16_valid", 46.73);
        optima.forEach((column, published) -> assertThat(
                table.rows().stream().mapToDouble(row -> row.value(column).orElseThrow()).max().orElseThrow())
                .as(column).isCloseTo(published, within(0.005)));
    }

    @Test
    void everyArchitectureOfTheSpaceHasARowOnEveryDataset() throws Exception {
        for (NatsDataset dataset : NatsDataset.values()) {
            NatsTopologySpace space = new NatsTopologySpace(dataset);
            TableEvaluator evaluator = new TableEvaluator(space, table,
                    TableEvaluator.Config.validation(dataset.label()).withSecondsPerTrial(1));
            for (Architecture architecture : space.enumerate(20_000)) {
                Metrics metrics = evaluator.evaluate(new EvaluationRequest(space, architecture, 0, 1, 1));
                assertThat(metrics.objective()).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void theBestCifar10CellIsFoundByItsOfficialString() throws Exception {
        NatsTopologySpace space = new NatsTopologySpace(NatsDataset.CIFAR10);
        TableRow best = table.rows().stream().max(java.util.Comparator.comparingDouble(
                row -> row.value("cifar10_test").orElseThrow())).orElseThrow();
        TableEvaluator evaluator = new TableEvaluator(space, table, TableEvaluator.Config.validation("cifar10").withSecondsPerTrial(1));
        Metrics metrics = evaluator.evaluate(new EvaluationRequest(space, space.parse(best.arch()), 0, 1, 1));
        assertThat(metrics.values().get(Metrics.TEST_ACCURACY)).isCloseTo(0.9437, within(0.00005));
        assertThat(metrics.values()).containsEntry("table_index", (double) best.index());
        assertThat(metrics.values()).containsEntry(TableEvaluator.SIMULATED_TIME, 1.0);
    }
}
