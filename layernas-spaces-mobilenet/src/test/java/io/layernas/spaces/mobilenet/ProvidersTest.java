package io.layernas.spaces.mobilenet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.Architecture;
import io.layernas.api.ConfigurationException;
import io.layernas.api.CostModel;
import io.layernas.api.CostModelProvider;
import io.layernas.api.Layer;
import io.layernas.api.NetworkSpace;
import io.layernas.api.Plugin;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchSpaceProvider;
import io.layernas.api.Settings;
import io.layernas.core.SimpleSearchSpace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The plugins are found by name through ServiceLoader and check their settings. */
class ProvidersTest {

    @Test
    void spacesAndCostModelsAreRegistered() {
        assertThat(names(SearchSpaceProvider.class)).contains("mobilenet-v3-small", "mobilenet-v3-large",
                "mobilenet-v2", "mobilenet-v2-1.4x", "mobilenet-mini");
        assertThat(names(CostModelProvider.class)).contains("madds", "params", "latency");
    }

    @Test
    void spacesAreBuiltFromTheirSettings() {
        SearchSpace space = space("mobilenet-v2", Map.of("resolution", 192, "classes", "10"));
        assertThat(space).isInstanceOf(NetworkSpace.class);
        assertThat(((NetworkSpace) space).input()).isEqualTo(new io.layernas.api.InputShape(192, 3, 10));
        NetworkSpace mini = (NetworkSpace) space("mobilenet-mini", Map.of());
        assertThat(mini.input()).isEqualTo(PaperSpaces.FASHION_MNIST);
        assertThat(space("mobilenet-v3-small", Map.of()).layers().stream().map(Layer::name))
                .startsWith("block1.layer1", "block2.filters", "block2.layer1");
    }

    @Test
    void badSettingsNameTheKey() {
        assertThatThrownBy(() -> space("mobilenet-v2", Map.of("resolution", 0)))
                .isInstanceOf(ConfigurationException.class).hasMessage("space.resolution (0) must be at least 1, like 224.");
        assertThatThrownBy(() -> space("mobilenet-v2", Map.of("classes", "many")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("space.classes (many)");
    }

    @Test
    void costModelsPriceTheSpaceTheyAreGiven() {
        SearchSpace space = space("mobilenet-v3-small", Map.of());
        CostModel madds = costModel("madds", space, Map.of());
        Architecture table8 = space.parse(PaperModels.TABLE_8);
        assertThat(madds.cost(table8)).isEqualTo(62_629_968.0);
        assertThat(madds.unit()).isEqualTo("MAdds");
        assertThat(costModel("params", space, Map.of()).unit()).isEqualTo("params");
    }

    @Test
    void costModelsRefuseOtherSpaces() {
        SearchSpace other = new SimpleSearchSpace("grid", List.of(new Layer("a", List.of("x"))));
        assertThatThrownBy(() -> costModel("madds", other, Map.of())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'grid'").hasMessageContaining("mobilenet-v2");
    }

    @Test
    void latencyNeedsATableThatExists() {
        SearchSpace space = space("mobilenet-v2", Map.of());
        assertThatThrownBy(() -> costModel("latency", space, Map.of("directory", "/no/such/dir")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("cost.directory")
                .hasMessageContaining("/no/such/dir/ofa-note10-224_lookup_table.yaml")
                .hasMessageContaining("docs/data.md");
        assertThatThrownBy(() -> costModel("latency", space("mobilenet-mini", Map.of()), Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not 28")
                .hasMessageContaining("pixel1");
        assertThatThrownBy(() -> costModel("latency", space, Map.of("table", "iphone")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("cost.table (iphone)");
    }

    @Test
    void latencyTableIsChosenBySetting() {
        Path dir = LatencyModelTest.latencyDir();
        SearchSpace space = space("mobilenet-v2", Map.of("resolution", 160));
        Settings settings = Settings.of("cost", Map.of("directory", dir.toString()));
        CostModel note10 = provider(CostModelProvider.class, "latency").create(space, settings);
        settings.requireAllUsed("cost model 'latency'");
        CostModel pixel1 = costModel("latency", space, Map.of("directory", dir.toString(), "table", "pixel1"));
        assertThat(note10.unit()).isEqualTo("ms");
        assertThat(note10.cost(space.defaultArchitecture())).isNotEqualTo(pixel1.cost(space.defaultArchitecture()));
        CostModel file = costModel("latency", space, Map.of("file", dir.resolve("ofa-note10-160_lookup_table.yaml").toString()));
        assertThat(file.cost(space.defaultArchitecture())).isEqualTo(note10.cost(space.defaultArchitecture()));
    }

    static SearchSpace space(String name, Map<String, ?> settings) {
        return provider(SearchSpaceProvider.class, name).create(Settings.of("space", settings));
    }

    static CostModel costModel(String name, SearchSpace space, Map<String, ?> settings) {
        return provider(CostModelProvider.class, name).create(space, Settings.of("cost", settings));
    }

    private static <T extends Plugin> T provider(Class<T> kind, String name) {
        return ServiceLoader.load(kind).stream().map(ServiceLoader.Provider::get).filter(p -> p.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " named " + name));
    }

    private static <T extends Plugin> List<String> names(Class<T> kind) {
        return ServiceLoader.load(kind).stream().map(p -> p.get().name()).toList();
    }
}
