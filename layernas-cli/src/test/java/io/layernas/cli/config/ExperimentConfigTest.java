package io.layernas.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.ConfigurationException;
import io.layernas.api.CostRange;
import io.layernas.api.TargetRange;
import io.layernas.cli.TestCli;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentConfigTest {
    @TempDir
    Path dir;

    private ExperimentConfig load(String yaml) {
        return ExperimentConfig.load(TestCli.yaml(dir, "exp.yaml", yaml), Overrides.commandLineOnly(Map.of()));
    }

    private static final String MINIMAL = "space: nats-sss\ncost: nats-flops\nevaluator: synthetic\n";

    @Test
    void readsEverySection() {
        ExperimentConfig config = load("""
                space: {name: mobilenet-v3-small, classes: 10}
                cost: {name: madds}
                target: {low: 57e6, high: 6.0e7}
                evaluator: {name: synthetic, noise: 0.01}
                search: {strategy: layernas-dp, bucketCount: 50, perBucket: 2}
                budget: {evaluations: 500, trainingSeconds: 2e5}
                run: {seed: 42, workers: 2, output: out/x, retries: 1, maxConsecutiveFailures: 5, timeoutSeconds: 90}
                compare:
                  strategies: [{strategy: layernas}, {strategy: random, label: rs}]
                  seeds: 3
                """);
        assertThat(config.space().name()).isEqualTo("mobilenet-v3-small");
        assertThat(config.space().values()).containsEntry("classes", 10);
        assertThat(config.strategy().name()).isEqualTo("layernas-dp");
        assertThat(config.strategy().values()).containsOnlyKeys("bucketCount", "perBucket");
        assertThat(config.target().resolve(new CostRange(1e7, 1e8), 1e8, "s", "MAdds"))
                .isEqualTo(new TargetRange(57e6, 60e6));
        assertThat(config.budget().budget().maxEvaluations()).isEqualTo(500);
        assertThat(config.budget().budget().maxTrainingSeconds()).isEqualTo(2e5);
        assertThat(config.run()).isEqualTo(new RunConfig(42, 2, Path.of("out/x"), 1, 5, Duration.ofSeconds(90)));
        assertThat(config.compare().labels()).containsExactly("layernas", "rs");
        assertThat(config.compare().strategies().get(1).values()).isEmpty();
        assertThat(config.compare().seeds()).isEqualTo(3);
        assertThat(config.space().baseDirectory()).isEqualTo(dir.toAbsolutePath());
    }

    @Test
    void fillsDefaultsFromOnePlace() {
        ExperimentConfig config = load(MINIMAL);
        assertThat(config.strategy().name()).isEqualTo(Defaults.STRATEGY);
        assertThat(config.budget().budget().maxEvaluations()).isEqualTo(Defaults.EVALUATIONS);
        assertThat(config.budget().budget().maxTrainingSeconds()).isInfinite();
        assertThat(config.run()).isEqualTo(new RunConfig(Defaults.SEED, Defaults.WORKERS, null, Defaults.RETRIES,
                Defaults.MAX_CONSECUTIVE_FAILURES, null));
        assertThat(config.target().isNone()).isTrue();
        assertThat(config.compare()).isNull();
        assertThat(config.name()).isEqualTo("exp");
    }

    @Test
    void unknownSectionIsNamedWithTheClosestSection() {
        assertThatThrownBy(() -> load(MINIMAL + "serach: {bucketCount: 5}\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("serach is not a section of an experiment. Did you mean 'search'? Sections: [space, cost, "
                        + "target, evaluator, executor, search, budget, run, compare].");
    }

    @Test
    void unknownKeyOfAnExperimentSectionIsNamedWithTheClosestKey() {
        assertThatThrownBy(() -> load(MINIMAL + "budget: {evalutions: 5}\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("budget.evalutions is not a setting of the budget.")
                .hasMessageContaining("Did you mean 'evaluations'?");
    }

    @Test
    void wrongTypeNamesKeyValueAndAnExample() {
        assertThatThrownBy(() -> load(MINIMAL + "run: {seed: forty-two}\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("run.seed (forty-two) must be a whole number, like 0.");
        assertThatThrownBy(() -> load(MINIMAL + "run: {workers: 0}\n"))
                .hasMessage("run.workers (0) must be from 1 to 10000. Maybe you meant 1?");
        assertThatThrownBy(() -> load(MINIMAL + "budget: {trainingSeconds: -5}\n"))
                .hasMessage("budget.trainingSeconds (-5) must be positive, or 'unlimited'.");
    }

    @Test
    void unlimitedIsAWord() {
        ExperimentConfig config = load(MINIMAL + "budget: {evaluations: unlimited, trainingSeconds: 100}\n");
        assertThat(config.budget().budget().maxEvaluations()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void missingPluginNameSaysWhatToWrite() {
        assertThatThrownBy(() -> load("space: {dataset: cifar10}\ncost: nats-flops\nevaluator: synthetic\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("space.name is missing. Name the space to use, e.g. space: {name: nats-sss}; "
                        + "'./layernas plugins' lists them all.");
    }

    @Test
    void targetBoundsInTheWrongOrderSuggestSwapping() {
        assertThatThrownBy(() -> load(MINIMAL + "target: {low: 60e6, high: 57e6}\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("target.low (6e7) is above target.high (5.7e7). Swap them: target: {low: 5.7e7, high: 6e7}.");
    }

    @Test
    void targetTakesOneFormOnly() {
        assertThatThrownBy(() -> load(MINIMAL + "target: {low: 1, fraction: [0.9, 1.0]}\n"))
                .hasMessageStartingWith("target sets both low/high and fraction. Use one:");
        assertThatThrownBy(() -> load(MINIMAL + "target: {fraction: [0.9, 1.0], of: maximum}\n"))
                .hasMessage("target.of (maximum) must be max, default or a cost, e.g. 6e7. Did you mean 'max'?");
    }

    @Test
    void fractionTargetIsRelativeToTheReference() {
        TargetSpec spec = load(MINIMAL + "target: {fraction: [0.5, 0.6], of: max}\n").target();
        assertThat(spec.resolve(new CostRange(10, 200), 180, "s", "u")).isEqualTo(new TargetRange(100, 120));
        TargetSpec ofDefault = load(MINIMAL + "target: {fraction: [0.5, 0.6], of: default}\n").target();
        assertThat(ofDefault.resolve(new CostRange(10, 200), 180, "s", "u")).isEqualTo(new TargetRange(90, 108));
    }

    @Test
    void onlyHighMeansFromZero() {
        TargetSpec spec = load(MINIMAL + "target: {high: 50}\n").target();
        assertThat(spec.resolve(new CostRange(10, 200), 200, "s", "u")).isEqualTo(new TargetRange(0, 50));
    }

    @Test
    void duplicateStrategiesInACompareNeedLabels() {
        assertThatThrownBy(() -> load(MINIMAL + "compare: {strategies: [{strategy: layernas}, {strategy: layernas}]}\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("compare.strategies.1: two strategies are called 'layernas'. Give each a label, e.g. "
                        + "{strategy: layernas, label: layernas-2, ...}.");
    }

    @Test
    void brokenYamlNamesTheFile() {
        Path file = TestCli.yaml(dir, "bad.yaml", "space: {name: nats-sss\ncost: [\n");
        assertThatThrownBy(() -> ExperimentConfig.load(file, Overrides.commandLineOnly(Map.of())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("experiment file " + file + " is not valid YAML: ")
                .hasMessageEndingWith("Check the indentation and the 'key: value' form around that line.");
    }

    @Test
    void missingFileSaysSo() {
        Path file = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ExperimentConfig.load(file, Overrides.commandLineOnly(Map.of())))
                .hasMessage("experiment file " + file + " does not exist. Give the path of a YAML file, e.g. "
                        + "examples/quickstart.yaml.");
    }
}
