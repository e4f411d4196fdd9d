package io.layernas.spaces.natsbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.ConfigurationException;
import io.layernas.api.CostModelProvider;
import io.layernas.api.Plugin;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchSpaceProvider;
import io.layernas.api.Settings;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class NatsProvidersTest {

    @Test
    void spacesAndCostModelsAreFoundByName() {
        assertThat(ServiceLoader.load(SearchSpaceProvider.class).stream().map(p -> p.get().name()))
                .contains("nats-sss", "nats-tss", "nats-tss-edges", "nasbench101");
        assertThat(ServiceLoader.load(CostModelProvider.class).stream().map(p -> p.get().name()))
                .contains("nats-flops", "nats-params", "nasbench101-edges");
    }

    @Test
    void datasetSettingChangesTheInput() {
        SearchSpace space = provider("nats-sss").create(Settings.of("space", Map.of("dataset", "ImageNet16-120")));
        assertThat(((NatsSizeSpace) space).input().size()).isEqualTo(16);
        assertThat(((NatsSizeSpace) space).input().classes()).isEqualTo(120);
        SearchSpace tss = provider("nats-tss").create(Settings.of("space", Map.of("dataset", "cifar100")));
        assertThat(((NatsTopologySpace) tss).input().classes()).isEqualTo(100);
    }

    @Test
    void unknownDatasetNamesTheKeyAndTheChoices() {
        assertThatThrownBy(() -> provider("nats-tss").create(Settings.of("space", Map.of("dataset", "mnist"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("space.dataset (mnist) must be one of [cifar10, cifar100, ImageNet16-120].");
    }

    private static SearchSpaceProvider provider(String name) {
        return ServiceLoader.load(SearchSpaceProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> ((Plugin) p).name().equals(name)).findFirst().orElseThrow();
    }
}
