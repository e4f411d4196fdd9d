package io.layernas.bench.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.Architecture;
import io.layernas.api.CostModel;
import io.layernas.api.Metrics;
import io.layernas.api.SearchSpace;
import io.layernas.cli.plugins.PluginKind;
import io.layernas.cli.plugins.PluginRegistry;
import io.layernas.cli.wiring.Plugins;
import io.layernas.spaces.natsbench.NatsDataset;
import io.layernas.spaces.natsbench.NatsTopologySpace;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefaultOperationTest {
    private final NatsTopologySpace tss = new NatsTopologySpace(NatsDataset.CIFAR10);
    private final Plugins plugins = new Plugins(PluginRegistry.fromClassPath());
    private final CostModel flops = plugins.costModel(Plugins.choice(PluginKind.COST_MODEL, "nats-flops", Map.of()), tss);
    /** Remembers which cells of the original space were evaluated. */
    private final Set<Architecture> evaluated = new HashSet<>();
    private final java.util.concurrent.atomic.AtomicReference<Architecture> last =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final DefaultOperation conv = DefaultOperation.of(tss, flops, request -> {
        evaluated.add(request.architecture());
        last.set(request.architecture());
        assertThat(request.space()).isSameAs(tss);
        return Metrics.of(0.5);
    }, 3);

    @Test
    void theDefaultArchitectureHasTheChosenOperationOnEveryEdge() {
        assertThat(tss.format(tss.defaultArchitecture())).isEqualTo(
                "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|");
        Architecture defaults = conv.space().defaultArchitecture();
        assertThat(conv.space().format(defaults)).isEqualTo(tss.format(Architecture.of(3, 3 * 5 + 3, 3 * 25 + 3 * 5 + 3)));
        assertThat(conv.costModel().cost(defaults)).isEqualTo(220.12, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void everyLayerIsABijectionOfTheOriginalOptions() throws Exception {
        for (int l = 0; l < tss.layerCount(); l++) {
            assertThat(new HashSet<>(conv.space().layers().get(l).options()))
                    .isEqualTo(new HashSet<>(tss.layers().get(l).options()));
        }
        for (Architecture a : conv.space().enumerate(20_000)) {
            conv.evaluate(a);
            Architecture original = last.get();
            assertThat(conv.costModel().cost(a)).isEqualTo(flops.cost(original));
            for (int l = 0; l < a.size(); l++) {
                assertThat(conv.space().layers().get(l).options().get(a.choice(l)))
                        .isEqualTo(tss.layers().get(l).options().get(original.choice(l)));
            }
        }
        assertThat(evaluated).hasSize(15625);
    }

    @Test
    void onlyTopologyLayersCanBeRenumbered() {
        SearchSpace sss = plugins.space(Plugins.choice(PluginKind.SPACE, "nats-sss", Map.of()));
        assertThatThrownBy(() -> DefaultOperation.of(sss, flops, r -> Metrics.of(0), 3))
                .hasMessageContaining("not a power of 5");
    }

    @Test
    void costRangesAreExactOverTheFreeLayers() {
        java.util.List<Architecture> all = conv.space().enumerate(20_000);
        int[][] windows = {{0, 1}, {1, 3}, {0, 3}, {2, 3}, {1, 1}};
        for (int i = 0; i < all.size(); i += 997) {
            Architecture a = all.get(i);
            for (int[] w : windows) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (Architecture b : all) {
                    if (agreesOutside(a, b, w[0], w[1])) {
                        min = Math.min(min, conv.costModel().cost(b));
                        max = Math.max(max, conv.costModel().cost(b));
                    }
                }
                io.layernas.api.CostRange range = conv.costModel().range(a, w[0], w[1]);
                assertThat(range.min()).isCloseTo(min, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(range.max()).isCloseTo(max, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    private static boolean agreesOutside(Architecture a, Architecture b, int from, int to) {
        for (int l = 0; l < a.size(); l++) {
            if ((l < from || l >= to) && a.choice(l) != b.choice(l)) {
                return false;
            }
        }
        return true;
    }
}
