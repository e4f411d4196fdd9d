package io.layernas.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.ConfigurationException;
import io.layernas.api.Settings;
import io.layernas.api.StrategyProvider;
import io.layernas.core.evolution.RegularizedEvolution;
import io.layernas.core.ppo.Ppo;
import io.layernas.core.random.RandomSearch;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BaselineProvidersTest {
    private static StrategyProvider provider(String name) {
        return ServiceLoader.load(StrategyProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theBaselinesAreFoundByShortName() {
        assertThat(ServiceLoader.load(StrategyProvider.class).stream().map(p -> p.get().name())
                .collect(Collectors.toSet())).contains("random", "evolution", "ppo", "layernas");
    }

    @Test
    void defaultsAreThePapers() {
        assertThat(((RegularizedEvolution) provider("evolution").create(Settings.empty("search"))).config())
                .isEqualTo(RegularizedEvolution.Config.paper());
        Ppo.Config ppo = ((Ppo) provider("ppo").create(Settings.empty("search"))).config();
        assertThat(ppo).isEqualTo(Ppo.Config.paper());
        assertThat(ppo.trainBatch()).isEqualTo(16);
        assertThat(ppo.updateBatch()).isEqualTo(8);
        assertThat(ppo.updatesPerFeedback()).isEqualTo(10);
        assertThat(ppo.mnasExponent()).isEqualTo(-0.07);
        assertThat(((RandomSearch) provider("random").create(Settings.empty("search"))).config().inTargetOnly())
                .isFalse();
    }

    @Test
    void settingsAreRead() {
        Settings settings = Settings.of("search", Map.of("population", 20, "tournament", "5", "mnasExponent", 0));
        RegularizedEvolution.Config config = ((RegularizedEvolution) provider("evolution").create(settings)).config();
        assertThat(config.population()).isEqualTo(20);
        assertThat(config.tournament()).isEqualTo(5);
        assertThat(config.mnasExponent()).isZero();
        settings.requireAllUsed("strategy 'evolution'");
        Settings random = Settings.of("search", Map.of("inTargetOnly", "yes"));
        assertThat(((RandomSearch) provider("random").create(random)).config().inTargetOnly()).isTrue();
    }

    @Test
    void aBadSettingNamesItsKeyAndAFix() {
        assertThatThrownBy(() -> provider("evolution").create(Settings.of("search", Map.of("population", 0))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("search.population (0) must be positive. Maybe you meant 50, the paper's?");
        assertThatThrownBy(() -> provider("ppo").create(Settings.of("search", Map.of("learningRate", -1))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("search.learningRate (-1.0) is out of range. Maybe you meant 0.01?");
    }
}
