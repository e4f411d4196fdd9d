package io.layernas.bench.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.layernas.core.compare.ComparisonResult;
import io.layernas.core.compare.Metric;
import io.layernas.core.compare.RunCurve;
import io.layernas.core.compare.SummaryRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny version of the Table 3 experiment on the real table; skipped when the table is absent. */
class Table3MainTest {
    private static final NatsTopologyComparison.Options TINY =
            new NatsTopologyComparison.Options(3, 2, 100_000, 1000, 30, false, "none", 1,
                    NatsTopologyComparison.Options.paper().strategies()); // the paper's budget, 3 seeds
    private static Path table;
    private static ComparisonResult result;

    @BeforeAll
    static void runTiny() throws Exception {
        Path data = Path.of(System.getProperty("layernas.data.dir", "../../shared/data"));
        Assumptions.assumeTrue(Files.isRegularFile(data.resolve(NatsTopologyComparison.TABLE)),
                "the NATS-Bench topology table is not at " + data.resolve(NatsTopologyComparison.TABLE));
        table = NatsTopologyComparison.table(data);
        result = NatsTopologyComparison.run(table, "cifar10", TINY, (run, done, total) -> { });
    }

    @Test
    void theOptimumIsThePublishedOne() {
        // The table's optima, as published: test 94.37, validation 91.61 on CIFAR-10.
        assertThat(result.optimum().bestTest()).isCloseTo(0.9437, within(5e-5));
        assertThat(result.optimum().bestValid()).isCloseTo(0.9161, within(5e-5));
        assertThat(result.optimum().inTarget()).isEqualTo(15625);
    }

    @Test
    void everyStrategyRunsFromEverySeedWithinTheBudget() {
        assertThat(result.strategies()).containsExactly("RS", "RE", "PPO", "TPE", "LayerNAS");
        for (String strategy : result.strategies()) {
            List<RunCurve> runs = result.runsOf(strategy);
            assertThat(runs).hasSize(3);
            assertThat(runs).allSatisfy(r -> assertThat(r.evaluations()).isEqualTo(100));
            SummaryRow row = result.summaryOf(strategy);
            assertThat(row.found()).isEqualTo(3);
            assertThat(row.meanValid()).isLessThanOrEqualTo(result.optimum().bestValid());
            assertThat(row.meanTest()).isLessThanOrEqualTo(result.optimum().bestTest()).isGreaterThan(0.5);
            assertThat(result.curve(strategy, Metric.TEST).runs()[29]).isEqualTo(3);
        }
    }

    @Test
    void writesTheTablesAndTheSummaryNextToThePapers(@TempDir Path directory) throws Exception {
        Table3Main.write(result, "cifar10", TINY, 1.5, directory);
        assertThat(directory.resolve("curves.csv")).exists();
        assertThat(Files.readAllLines(directory.resolve("summary.csv"))).hasSize(1 + 5 + 1);
        String summary = Files.readString(directory.resolve("summary.md"));
        assertThat(summary).contains("| LayerNAS |").contains("94.34±0.12").contains("| optimum").contains("94.37");
    }

    @Test
    void aFlopsLimitKeepsEveryChosenModelUnderIt() throws Exception {
        NatsTopologyComparison.Options half = new NatsTopologyComparison.Options(2, 2, 30_000, 1000, 10, false, "none",
                0.5, NatsTopologyComparison.parseStrategies("TPE=tpe,LN-paper=layernas?preset=paper"));
        ComparisonResult limited = NatsTopologyComparison.run(table, "cifar100", half, (run, done, total) -> { });
        assertThat(limited.strategies()).containsExactly("TPE", "LN-paper");
        // Fewer cells are inside half the largest FLOPs, and their best is below the space's.
        assertThat(limited.optimum().inTarget()).isBetween(1000L, 15000L);
        assertThat(limited.optimum().bestTest()).isLessThan(0.7351);
        assertThat(limited.summaryOf("TPE").found()).isEqualTo(2);
    }

    @Test
    void theEdgeEncodingSearchesTheSameCellsOfTheSameTable() throws Exception {
        NatsTopologyComparison.Options edges = new NatsTopologyComparison.Options(2, 2, 30_000, 1000, 10, false, "none",
                1, NatsTopologyComparison.parseStrategies("RS=random,LN=layernas"),
                NatsTopologyComparison.PluginSpec.parse("nats-tss-edges?order=1<-0,2<-1,3<-2,2<-0,3<-0,3<-1"));
        ComparisonResult onEdges = NatsTopologyComparison.run(table, "cifar10", edges, (run, done, total) -> { });
        assertThat(onEdges.optimum().bestTest()).isEqualTo(result.optimum().bestTest());
        assertThat(onEdges.optimum().inTarget()).isEqualTo(15625);
        assertThat(onEdges.provenance()).containsEntry("space", "nats-tss-edges?order=1<-0,2<-1,3<-2,2<-0,3<-0,3<-1");
        for (String strategy : onEdges.strategies()) {
            assertThat(onEdges.runsOf(strategy)).allSatisfy(r -> assertThat(r.evaluations()).isEqualTo(30));
        }
        assertThatThrownBy(() -> NatsTopologyComparison.run(table, "cifar10",
                edges.withSpace(NatsTopologyComparison.PluginSpec.parse("nats-sss")), (run, done, total) -> { }))
                .hasMessageContaining("not the 15625 cells of the NATS-Bench topology table");
    }

    @Test
    void theMainWritesEveryDatasetAsked(@TempDir Path out) throws Exception {
        Table3Main.main(new String[] {"--data", table.getParent().getParent().toString(), "--out", out.toString(),
                "--seeds", "2", "--budget", "5000", "--datasets", "cifar100"});
        assertThat(Files.readString(out.resolve("cifar100/summary.md"))).contains("cifar100").contains("73.01±0.63");
    }
}
