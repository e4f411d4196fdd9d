package io.layernas.cli.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.ConfigurationException;
import io.layernas.api.CostModel;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;
import io.layernas.cli.TestCli;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {
    private final PluginRegistry builtIn = PluginRegistry.fromClassPath();

    @Test
    void findsTheBuiltInPluginsByName() {
        assertThat(builtIn.names(PluginKind.STRATEGY)).contains("layernas", "layernas-dp");
        assertThat(builtIn.names(PluginKind.EVALUATOR)).contains("synthetic");
        assertThat(builtIn.names(PluginKind.SPACE)).contains("nats-sss", "nats-tss");
        assertThat(builtIn.names(PluginKind.COST_MODEL)).contains("nats-flops", "nats-params");
        assertThat(builtIn.space("nats-sss", "space.name").create(Settings.empty("space")).layerCount()).isEqualTo(5);
    }

    @Test
    void anUnknownNameListsWhatThereIsAndTheClosestName() {
        assertThatThrownBy(() -> builtIn.strategy("layernass", "search.strategy"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("search.strategy (layernass) is not a known strategy. Did you mean 'layernas'? "
                        + "Known strategies: ")
                .hasMessageContaining("layernas, layernas-dp")
                .hasMessageEndingWith("A plugin jar on the class path (plugins/ or LAYERNAS_PLUGINS) adds more.");
    }

    @Test
    void aThirdPartyJarAddsPluginsWithoutAnyChangeHere() {
        assertThat(builtIn.names(PluginKind.SPACE)).doesNotContain("example-grid");
        PluginRegistry withJar = PluginRegistry.load(TestCli.withExamplePlugin());
        assertThat(withJar.names(PluginKind.SPACE)).contains("example-grid", "nats-sss");
        assertThat(withJar.names(PluginKind.COST_MODEL)).contains("example-units");
        assertThat(withJar.names(PluginKind.EVALUATOR)).contains("example-score");
        SearchSpace grid = withJar.space("example-grid", "space.name").create(Settings.of("space",
                java.util.Map.of("layers", 3, "options", 2)));
        CostModel units = withJar.costModel("example-units", "cost.name").create(grid, Settings.empty("cost"));
        assertThat(grid.architectureCount()).isEqualTo(8);
        assertThat(units.cost(grid.defaultArchitecture())).isEqualTo(1 * 2 + 2 * 2 + 3 * 2);
        assertThat(PluginVersions.version(withJar.space("example-grid", "space.name"))).isEqualTo("0.1.0-SNAPSHOT");
    }
}
