package io.layernas.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.ConfigurationException;
import io.layernas.api.TargetRange;
import io.layernas.cli.TestCli;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.config.Overrides;
import io.layernas.cli.plugins.PluginRegistry;
import io.layernas.cli.results.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every configuration error surfaces from wiring, named by key, before anything is evaluated. */
class ValidationTest {
    @TempDir
    Path dir;

    private void wire(String yaml) {
        ExperimentConfig config = ExperimentConfig.load(TestCli.yaml(dir, "exp.yaml", yaml),
                Overrides.commandLineOnly(Map.of()));
        Wiring.injector(config, PluginRegistry.fromClassPath(), new RunDirectory(dir.resolve("out")));
    }

    private static String with(String key, String section) {
        return TestCli.smallExperiment().replaceAll("(?m)^" + key + ":.*$", section);
    }

    @Test
    void aValidExperimentWiresWithTheTargetInTheCostModelsUnit() {
        ExperimentConfig config = ExperimentConfig.load(TestCli.yaml(dir, "exp.yaml", TestCli.smallExperiment()),
                Overrides.commandLineOnly(Map.of()));
        var injector = Wiring.injector(config, PluginRegistry.fromClassPath(), new RunDirectory(dir));
        assertThat(injector.getInstance(TargetRange.class)).isEqualTo(new TargetRange(100, 110));
        assertThat(injector.getInstance(Provenance.class).plugins().get("evaluator").name()).isEqualTo("synthetic");
    }

    @Test
    void theExecutorSectionNamesAnExecutorPluginAndLocalIsTheDefault() {
        assertThatThrownBy(() -> wire(TestCli.smallExperiment() + "executor: {name: slrum}\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("executor.name (slrum) is not a known executor.")
                .hasMessageContaining("local");
        assertThatThrownBy(() -> wire(TestCli.smallExperiment() + "executor: {name: local, nodes: 4}\n"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("executor.nodes is not a setting of executor 'local'.");
        ExperimentConfig config = ExperimentConfig.load(TestCli.yaml(dir, "exp.yaml", TestCli.smallExperiment()),
                Overrides.commandLineOnly(Map.of()));
        var injector = Wiring.injector(config, PluginRegistry.fromClassPath(), new RunDirectory(dir));
        assertThat(injector.getInstance(Provenance.class).plugins().get("executor").name()).isEqualTo("local");
    }

    @Test
    void unknownPluginNameListsTheKnownOnes() {
        assertThatThrownBy(() -> wire(with("evaluator", "evaluator: {name: syntetic}")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("evaluator.name (syntetic) is not a known evaluator. Did you mean 'synthetic'? "
                        + "Known evaluators: ")
                .hasMessageContaining("synthetic");
    }

    @Test
    void unknownPluginSettingNamesTheClosestKnownSetting() {
        assertThatThrownBy(() -> wire(with("search", "search: {strategy: layernas, bucketCont: 20}")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("search.bucketCont is not a setting of strategy 'layernas'. Known settings: [")
                .hasMessageEndingWith("Did you mean 'bucketCount'?");
    }

    @Test
    void aMisspelledKeyOfTheSectionItselfGetsADidYouMeanToo() {
        assertThatThrownBy(() -> wire(with("search", "search: {stratgy: random}")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("search.stratgy is not a setting of strategy 'layernas'.")
                .hasMessageEndingWith("Did you mean 'strategy'?");
    }

    @Test
    void aBadPluginValueNamesTheKey() {
        assertThatThrownBy(() -> wire(with("search", "search: {strategy: layernas, bucketCount: lots}")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("search.bucketCount (lots) must be a whole number, like 100.");
    }

    @Test
    void aTargetOutsideTheReachableRangeGivesTheRangeAndASuggestion() {
        assertThatThrownBy(() -> wire(with("target", "target: {low: 300, high: 400}")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("target [300, 400] MFLOPs is outside the range of costs reachable in space 'nats-sss' "
                        + "with cost model 'nats-flops': [4.481, 274.4] MFLOPs. Set the target inside that range, e.g. target: "
                        + "{low: 220.4, high: 274.4}, or target: {fraction: [0.8, 1.0], of: max}.");
    }

    @Test
    void aMissingDataFileIsNamedByItsKeyBeforeAnyEvaluation() {
        assertThatThrownBy(() -> wire(with("evaluator", "evaluator: {name: table, path: no-such-table.csv}")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("evaluator.path")
                .hasMessageContaining("no-such-table.csv");
        assertThat(Files.exists(dir.resolve("out"))).isFalse();
    }

    @Test
    void aCostModelForAnotherSpaceIsRejected() {
        assertThatThrownBy(() -> wire(with("cost", "cost: {name: madds}")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("madds")
                .hasMessageContaining("nats-sss");
    }
}
