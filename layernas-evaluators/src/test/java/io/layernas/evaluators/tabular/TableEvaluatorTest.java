package io.layernas.evaluators.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.layernas.api.AbstractSearchSpace;
import io.layernas.api.Architecture;
import io.layernas.api.BenchmarkKeys;
import io.layernas.api.ConfigurationException;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Evaluator;
import io.layernas.api.EvaluatorProvider;
import io.layernas.api.Layer;
import io.layernas.api.Metrics;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;
import io.layernas.spaces.natsbench.NatsDataset;
import io.layernas.spaces.natsbench.NatsSizeSpace;
import io.layernas.spaces.natsbench.NatsTopologySpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableEvaluatorTest {
    private static final NatsSizeSpace SSS = new NatsSizeSpace(NatsDataset.CIFAR10);
    @TempDir
    Path dir;

    /** A fixture of three size-search rows; 64:64:64:64:64 is index 32767. */
    private Path fixture(String header, String... rows) throws IOException {
        List<String> lines = new java.util.ArrayList<>(List.of(header));
        lines.addAll(List.of(rows));
        return Files.write(dir.resolve("sss.csv"), lines);
    }

    private Path standard() throws IOException {
        return fixture("index,arch,cifar10_valid,cifar10_test,cifar10_valid_seeds,cifar10_train_seconds,cifar10_flops",
                "32767,64:64:64:64:64,90.0,93.0,89.0 90.0 91.0,600,274.4",
                "0,8:8:8:8:8,60.5,62.0,60.5,100,4.48",
                "12,8:8:8:16:40,70.0,71.0,,120,7.99");
    }

    private static EvaluationRequest request(Architecture architecture, long seed) {
        return new EvaluationRequest(SSS, architecture, 0, seed, 1);
    }

    @Test
    void searchSeesValidationAccuracyAndTableTimeTestIsOnlyReported() throws Exception {
        TableEvaluator evaluator = new TableEvaluator(SSS, BenchmarkTable.read(standard()), TableEvaluator.Config.validation("cifar10"));
        Metrics metrics = evaluator.evaluate(request(SSS.defaultArchitecture(), 1));
        assertThat(metrics.objective()).isCloseTo(0.90, within(1e-12));
        assertThat(metrics.trainingSeconds()).isEqualTo(600);
        assertThat(metrics.values()).containsEntry(Metrics.TEST_ACCURACY, 0.93).containsEntry("flops", 274.4)
                .containsEntry("table_index", 32767.0).containsEntry(TableEvaluator.SIMULATED_TIME, 0.0);
        Metrics index12 = evaluator.evaluate(request(SSS.fromOfficialIndex(12), 1));
        assertThat(index12.objective()).isCloseTo(0.70, within(1e-12));
    }

    @Test
    void rowsCanBeFoundByOfficialIndex() throws Exception {
        Path table = fixture("index,cifar10_valid,train_seconds", "12,70.0,5", "0,60.0,5");
        TableEvaluator evaluator = new TableEvaluator(SSS, BenchmarkTable.read(table),
                new TableEvaluator.Config("cifar10", "valid", TableEvaluator.Key.INDEX, false, Double.NaN));
        assertThat(evaluator.evaluate(request(SSS.parse("8:8:8:16:40"), 3)).objective()).isCloseTo(0.70, within(1e-12));
        assertThat(evaluator.evaluate(request(SSS.parse("8:8:8:8:8"), 3)).trainingSeconds()).isEqualTo(5);
    }

    @Test
    void sampledSeedsVaryWithTheRequestSeedAndRepeatForTheSameSeed() throws Exception {
        TableEvaluator evaluator = new TableEvaluator(SSS, BenchmarkTable.read(standard()),
                TableEvaluator.Config.validation("cifar10").withSampledSeed());
        Set<Double> seen = new HashSet<>();
        for (long seed = 0; seed < 60; seed++) {
            double objective = evaluator.evaluate(request(SSS.defaultArchitecture(), seed)).objective();
            assertThat(objective).isIn(0.89, 0.90, 0.91);
            assertThat(evaluator.evaluate(request(SSS.defaultArchitecture(), seed)).objective()).isEqualTo(objective);
            seen.add(objective);
        }
        assertThat(seen).hasSize(3);
        // a row without per-seed values falls back to the mean
        assertThat(evaluator.evaluate(request(SSS.fromOfficialIndex(12), 5)).objective()).isCloseTo(0.70, within(1e-12));
    }

    @Test
    void withoutATimeColumnTheStandInIsRequiredAndReportedAsSimulated() throws Exception {
        BenchmarkTable table = BenchmarkTable.read(fixture("arch,cifar10_valid", "64:64:64:64:64,90"));
        assertThatThrownBy(() -> new TableEvaluator(SSS, table, TableEvaluator.Config.validation("cifar10")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no training-time column")
                .hasMessageContaining("secondsPerTrial");
        TableEvaluator evaluator = new TableEvaluator(SSS, table, TableEvaluator.Config.validation("cifar10").withSecondsPerTrial(250));
        Metrics metrics = evaluator.evaluate(request(SSS.defaultArchitecture(), 0));
        assertThat(metrics.trainingSeconds()).isEqualTo(250);
        assertThat(metrics.values()).containsEntry(TableEvaluator.SIMULATED_TIME, 1.0).doesNotContainKey(Metrics.TEST_ACCURACY);
    }

    @Test
    void anArchitectureAbsentFromTheTableIsNamed() throws Exception {
        TableEvaluator evaluator = new TableEvaluator(SSS, BenchmarkTable.read(standard()), TableEvaluator.Config.validation("cifar10"));
        assertThatThrownBy(() -> evaluator.evaluate(request(SSS.parse("16:16:16:16:16"), 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("arch '16:16:16:16:16'").hasMessageContaining("nats-sss")
                .hasMessageContaining("sss.csv (3 rows)");
    }

    @Test
    void missingColumnsForTheDatasetOrMetricAreNamed() throws Exception {
        BenchmarkTable table = BenchmarkTable.read(standard());
        assertThatThrownBy(() -> new TableEvaluator(SSS, table, TableEvaluator.Config.validation("cifar100")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no column 'cifar100_valid'");
    }

    @Test
    void indexKeysNeedASpaceWithAnIndexFormulaAndATableWithAnIndexColumn() throws Exception {
        NatsTopologySpace tss = new NatsTopologySpace(NatsDataset.CIFAR10);
        BenchmarkTable table = BenchmarkTable.read(standard());
        TableEvaluator.Config byIndex = new TableEvaluator.Config("cifar10", "valid", TableEvaluator.Key.INDEX, false, Double.NaN);
        assertThatThrownBy(() -> new TableEvaluator(tss, table, byIndex)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'nats-tss' has no official index formula").hasMessageContaining("key: arch");
        BenchmarkTable noIndex = BenchmarkTable.read(fixture("arch,cifar10_valid,train_seconds", "64:64:64:64:64,90,1"));
        assertThatThrownBy(() -> new TableEvaluator(SSS, noIndex, byIndex)).hasMessageContaining("no column 'index'");
    }

    @Test
    void providerReadsSettingsAndChecksTheDataset() throws Exception {
        EvaluatorProvider provider = ServiceLoader.load(EvaluatorProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("table")).findFirst().orElseThrow();
        Path table = standard();
        Evaluator evaluator = provider.create(SSS, new Settings("evaluator", Map.of("path", table.getFileName().toString(),
                "seeds", "sample"), dir));
        assertThat(((TableEvaluator) evaluator).config().sampleSeed()).isTrue();
        assertThat(((TableEvaluator) evaluator).config().dataset()).isEqualTo("cifar10");
        SearchSpace imagenet = new NatsSizeSpace(NatsDataset.IMAGENET16_120);
        assertThatThrownBy(() -> provider.create(imagenet, new Settings("evaluator", Map.of("path", table.toString(),
                "dataset", "cifar10"), dir))).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("evaluator.dataset (cifar10) differs from the space's dataset (ImageNet16-120)");
        assertThatThrownBy(() -> provider.create(SSS, new Settings("evaluator", Map.of("path", table.toString(),
                "secondsPerTrial", -5), dir))).hasMessage("evaluator.secondsPerTrial (-5.0) must be >= 0.");
        assertThatThrownBy(() -> provider.create(SSS, new Settings("evaluator", Map.of("path", table.toString(),
                "seeds", "median"), dir))).hasMessage("evaluator.seeds (median) must be one of [mean, sample].");
        assertThatThrownBy(() -> provider.create(SSS, Settings.empty("evaluator")))
                .hasMessageStartingWith("evaluator.path is missing");
        assertThatThrownBy(() -> provider.create(SSS, new Settings("evaluator", Map.of("path", "nope.csv"), dir)))
                .isInstanceOf(TableException.class).hasMessageContaining("nope.csv").hasMessageContaining("does not exist");
    }

    /** A table-backed space the evaluator module has never heard of: two layers, keys like {@code a-b}. */
    private static final class PairSpace extends AbstractSearchSpace implements BenchmarkKeys {
        private final String dataset;

        PairSpace(String dataset) {
            super("pairs", List.of(new Layer("first", List.of("a", "b")), new Layer("second", List.of("x", "y"))));
            this.dataset = dataset;
        }

        @Override
        public String tableKey(Architecture architecture) {
            return layers().get(0).options().get(architecture.choice(0)) + "-"
                    + layers().get(1).options().get(architecture.choice(1));
        }

        @Override
        public Optional<String> benchmarkDataset() {
            return Optional.ofNullable(dataset);
        }
    }

    @Test
    void anyBenchmarkKeysSpaceIsLookedUpByItsKeysInItsDatasetsColumns() throws Exception {
        Files.write(dir.resolve("pairs.csv"), List.of("arch,cifar10_valid,cifar100_valid,train_seconds",
                "a-x,10.0,20.0,1", "b-y,30.0,40.0,2"));
        EvaluatorProvider provider = ServiceLoader.load(EvaluatorProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("table")).findFirst().orElseThrow();
        Evaluator evaluator = provider.create(new PairSpace("cifar100"), new Settings("evaluator",
                Map.of("path", "pairs.csv"), dir));
        PairSpace space = new PairSpace("cifar100");
        assertThat(evaluator.evaluate(new EvaluationRequest(space, Architecture.of(1, 1), 0, 1, 1)).objective())
                .isCloseTo(0.40, within(1e-12));
        Evaluator noDataset = provider.create(new PairSpace(null), new Settings("evaluator", Map.of("path", "pairs.csv"), dir));
        assertThat(noDataset.evaluate(new EvaluationRequest(space, Architecture.of(0, 0), 0, 1, 1)).objective())
                .isCloseTo(0.10, within(1e-12));
        assertThatThrownBy(() -> provider.create(new PairSpace("cifar100"), new Settings("evaluator",
                Map.of("path", "pairs.csv", "dataset", "cifar10"), dir)))
                .hasMessageStartingWith("evaluator.dataset (cifar10) differs from the space's dataset (cifar100)");
    }
}
