package io.layernas.example.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Architecture;
import io.layernas.api.CostModelContract;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cost model plugin's test: the contract checks range() against brute force. */
class UnitsCostModelTest extends CostModelContract {
    private static final SearchSpace SPACE = new GridSpaceProvider().create(Settings.of("space", Map.of("layers", 6)));

    UnitsCostModelTest() {
        super(SPACE, new UnitsCostModelProvider().create(SPACE, Settings.empty("cost")));
    }

    @Test
    void costsWhatItsJavadocSays() {
        // 4 options per layer: layer i with option s costs (i + 1) * (4 - s).
        assertThat(costModel().cost(Architecture.of(0, 0, 0, 0, 0, 0))).isEqualTo(4 * (1 + 2 + 3 + 4 + 5 + 6));
        assertThat(costModel().cost(Architecture.of(3, 0, 0, 0, 0, 1))).isEqualTo(84 - 3 - 6);
    }
}
