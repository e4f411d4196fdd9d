package io.layernas.cli.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.layernas.api.ConfigurationException;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchSpaceProvider;
import io.layernas.api.Settings;
import io.layernas.evaluators.tabular.BenchmarkTable;
import io.layernas.spaces.mobilenet.LatencyTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throws many corrupted inputs at every parser a user's files reach. Each must either parse or
 * fail with a clear error (a {@link ConfigurationException} or {@link IllegalArgumentException}
 * whose message names the input), within a time limit: never a hang, never an unexplained
 * exception such as a NullPointerException or a bare NumberFormatException.
 */
class MalformedInputFuzzTest {
    private static final int MUTANTS = 300;

    @TempDir
    Path directory;

    private static final String CSV_TABLE = """
            index,arch,cifar10_valid,cifar10_test,cifar10_valid_seeds,cifar10_train_seconds
            0,64:64:64:64:64,90.5,93.1,90.1 90.9,1200.5
            1,56:64:64:64:64,90.1,92.9,89.8 90.4,1100.0
            2,48:64:64:64:64,89.7,92.6,89.5 89.9,1000.0
            """;

    private static final String JSONL_TABLE = """
            {"index": 0, "arch": "64:64:64:64:64", "cifar10_valid": 90.5, "cifar10_test": 93.1}
            {"index": 1, "arch": "56:64:64:64:64", "cifar10_valid": 90.1, "cifar10_test": 92.9}
            {"index": 2, "arch": "48:64:64:64:64", "cifar10_valid": 89.7, "cifar10_test": 92.6}
            """;

    private static final String LATENCY_TABLE = """
            Conv-input:224x224x3-output:112x112x32:
              count: 10
              mean: 1.85
              var: 0.01
            expanded_conv-input:112x112x32-output:112x112x16-expand:1-kernel:3-stride:1-idskip:0:
              count: 10
              mean: 2.5
              var: 0.02
            Logits-input:7x7x1280-output:1001:
              count: 10
              mean: 0.4
              var: 0.001
            """;

    @Test
    void benchmarkTablesInCsv() throws Exception {
        fuzz("table.csv", CSV_TABLE, file -> BenchmarkTable.read(file));
    }

    @Test
    void benchmarkTablesInJsonLines() throws Exception {
        fuzz("table.jsonl", JSONL_TABLE, file -> BenchmarkTable.read(file));
    }

    @Test
    void latencyTables() throws Exception {
        fuzz("latency.yaml", LATENCY_TABLE, file -> LatencyTable.load(file));
    }

    private static final String EXPERIMENT = """
            space: {name: nats-sss, dataset: cifar10}
            cost: {name: nats-flops}
            target: {low: 100, high: 110}
            evaluator: {name: synthetic, noise: 0.001, secondsPerTrial: 10}
            search: {strategy: layernas, bucketCount: 20, perBucket: 2, selections: 4, children: 3}
            budget: {evaluations: 60, trainingSeconds: 1e5}
            run: {seed: 7, workers: 1, retries: 0, maxConsecutiveFailures: 5}
            """;

    @Test
    void experimentConfigurationsReadAndWired() throws Exception {
        // Every plugin is created and checked as `layernas run` does before its first evaluation.
        fuzz("experiment.yaml", EXPERIMENT, file -> io.layernas.cli.wiring.Wiring.injector(
                io.layernas.cli.config.ExperimentConfig.load(file,
                        io.layernas.cli.config.Overrides.commandLineOnly(java.util.Map.of())),
                io.layernas.cli.plugins.PluginRegistry.fromClassPath(),
                new io.layernas.cli.wiring.RunDirectory(directory.resolve("out"))), "");
    }

    @Test
    void architecturesOfEveryBuiltInSpace() {
        for (SearchSpaceProvider provider : ServiceLoader.load(SearchSpaceProvider.class)) {
            SearchSpace space = provider.create(Settings.empty("space"));
            String valid = space.format(space.defaultArchitecture());
            for (String mutant : Mutations.of(valid, 100, provider.name().hashCode())) {
                expectParsedOrClearError(mutant, () -> space.validate(space.parse(mutant)), "");
            }
        }
    }

    /** Writes each mutant of {@code valid} to a file named {@code name} and hands it to {@code parser}. */
    private void fuzz(String name, String valid, Consumer<Path> parser) throws Exception {
        fuzz(name, valid, parser, name);
    }

    /** As above; {@code mustName} is what every error message must contain. */
    private void fuzz(String name, String valid, Consumer<Path> parser, String mustName) throws Exception {
        Path file = directory.resolve(name);
        Files.writeString(file, valid);
        parser.accept(file);
        for (String mutant : Mutations.of(valid, MUTANTS, name.hashCode())) {
            Files.write(file, mutant.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            expectParsedOrClearError(mutant, () -> parser.accept(file), mustName);
        }
    }

    private static void expectParsedOrClearError(String input, Runnable parse, String mustName) {
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(5), parse::run, () -> "hangs on input:\n" + input);
        } catch (ConfigurationException | IllegalArgumentException e) {
            assertThat(e.getClass()).as("exception type for input:\n%s", input)
                    .isNotEqualTo(NumberFormatException.class);
            assertThat(e.getMessage()).as("message for input:\n%s", input).isNotBlank().contains(mustName);
        } catch (RuntimeException e) {
            throw new AssertionError("unexplained " + e + " for input:\n" + input, e);
        }
    }

    @Test
    void theMutationsReallyCorruptTheInput() {
        List<String> mutants = Mutations.of(CSV_TABLE, MUTANTS, 1);
        assertThat(mutants).hasSize(MUTANTS);
        assertThat(mutants.stream().filter(m -> !m.equals(CSV_TABLE)).count()).isGreaterThan(MUTANTS * 9 / 10);
    }
}
