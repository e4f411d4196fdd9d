package io.layernas.example.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.ConfigurationException;
import io.layernas.api.SearchSpaceContract;
import io.layernas.api.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A space plugin's test: the API's contract, plus what is special about this space. */
class GridSpaceTest extends SearchSpaceContract {
    GridSpaceTest() {
        super(new GridSpaceProvider().create(Settings.of("space", Map.of("layers", 5, "options", 3))));
    }

    @Test
    void hasTheConfiguredShapeWithTheWidestOptionFirst() {
        assertThat(space().layerCount()).isEqualTo(5);
        assertThat(space().layers().get(0).options()).containsExactly("w3", "w2", "w1");
    }

    @Test
    void rejectsANonPositiveSizeNamingTheKey() {
        assertThatThrownBy(() -> new GridSpaceProvider().create(Settings.of("space", Map.of("layers", 0))))
                .isInstanceOf(ConfigurationException.class).hasMessage("space.layers (0) must be at least 1, like 4.");
    }
}
