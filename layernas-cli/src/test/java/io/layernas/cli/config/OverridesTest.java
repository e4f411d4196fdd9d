package io.layernas.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.ConfigurationException;
import io.layernas.cli.TestCli;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverridesTest {
    private static final String YAML = """
            space: nats-sss
            cost: nats-flops
            evaluator: synthetic
            search: {strategy: layernas, bucketCount: 100}
            run: {seed: 1, maxConsecutiveFailures: 20}
            compare: {strategies: [{strategy: layernas, bucketCount: 10}, {strategy: random}]}
            """;

    @TempDir
    Path dir;

    private ExperimentConfig load(Map<String, String> commandLine, Map<String, String> system, Map<String, String> env) {
        return ExperimentConfig.load(TestCli.yaml(dir, "exp.yaml", YAML), new Overrides(commandLine, system, env));
    }

    @Test
    void commandLineOverridesTheFile() {
        ExperimentConfig config = load(Map.of("search.bucketCount", "50", "budget.evaluations", "7"), Map.of(), Map.of());
        assertThat(config.strategy().settings().getInt("bucketCount", 0)).isEqualTo(50);
        assertThat(config.budget().budget().maxEvaluations()).isEqualTo(7);
        assertThat(config.resolved()).extractingByKey("search").asString().contains("bucketCount=50");
    }

    @Test
    void environmentVariablesMapToKeysWhateverTheirCase() {
        ExperimentConfig config = load(Map.of(), Map.of(), Map.of("LAYERNAS_SEARCH_BUCKETCOUNT", "30",
                "LAYERNAS_RUN_MAX_CONSECUTIVE_FAILURES", "4", "LAYERNAS_BUDGET_EVALUATIONS", "9",
                "LAYERNAS_PLUGINS", "/somewhere", "PATH", "/bin"));
        assertThat(config.strategy().settings().getInt("bucketCount", 0)).isEqualTo(30);
        assertThat(config.run().maxConsecutiveFailures()).isEqualTo(4);
        assertThat(config.budget().budget().maxEvaluations()).isEqualTo(9);
    }

    @Test
    void commandLineBeatsSystemPropertiesWhichBeatTheEnvironment() {
        ExperimentConfig config = load(Map.of("run.seed", "3"), Map.of("run.seed", "2", "search.bucketCount", "20",
                "java.version", "17"), Map.of("LAYERNAS_RUN_SEED", "1", "LAYERNAS_SEARCH_BUCKETCOUNT", "10"));
        assertThat(config.run().seed()).isEqualTo(3);
        assertThat(config.strategy().settings().getInt("bucketCount", 0)).isEqualTo(20);
    }

    @Test
    void listElementsAreAddressedByIndex() {
        ExperimentConfig config = load(Map.of("compare.strategies.0.bucketCount", "5"), Map.of(), Map.of());
        assertThat(config.compare().strategies().get(0).settings().getInt("bucketCount", 0)).isEqualTo(5);
    }

    @Test
    void anEnvironmentVariableForNoKnownKeyIsAnError() {
        assertThatThrownBy(() -> load(Map.of(), Map.of(), Map.of("LAYERNAS_SEARCH_BUCKTCOUNT", "3")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("environment variable LAYERNAS_SEARCH_BUCKTCOUNT names no key of this experiment. "
                        + "Did you mean LAYERNAS_SEARCH_BUCKETCOUNT (search.bucketCount)?")
                .hasMessageEndingWith("for any other key use -D section.key=value.");
    }

    @Test
    void anOverrideOutsideTheSectionsIsAnError() {
        assertThatThrownBy(() -> load(Map.of("serach.bucketCount", "3"), Map.of(), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("override serach.bucketCount names no setting: keys look like section.key")
                .hasMessageEndingWith("Did you mean 'search'?");
    }

    @Test
    void numbersBecomeNumbersAndTheRestStaysText() {
        assertThat(Overrides.typed("50")).isEqualTo(50);
        assertThat(Overrides.typed("2e5")).isEqualTo(2e5);
        assertThat(Overrides.typed("-0.5")).isEqualTo(-0.5);
        assertThat(Overrides.typed("12345678901")).isEqualTo(12345678901L);
        assertThat(Overrides.typed("cifar10")).isEqualTo("cifar10");
        assertThat(Overrides.typed("1.2.3")).isEqualTo("1.2.3");
    }

    @Test
    void variableNamesFollowKeys() {
        assertThat(Overrides.variableOf("search.bucketCount")).isEqualTo("LAYERNAS_SEARCH_BUCKETCOUNT");
    }
}
