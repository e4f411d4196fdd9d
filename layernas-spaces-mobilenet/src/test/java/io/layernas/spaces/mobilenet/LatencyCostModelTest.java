package io.layernas.spaces.mobilenet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.layernas.api.Architecture;
import io.layernas.api.Budget;
import io.layernas.api.SearchResult;
import io.layernas.api.TargetRange;
import io.layernas.core.layernas.LayerNas;
import io.layernas.core.SearchRun;
import io.layernas.core.SyntheticEvaluator;
import io.layernas.api.CostModel;
import io.layernas.api.CostModelContract;
import io.layernas.api.SearchSpace;
import io.layernas.api.Op;
import org.junit.jupiter.api.Test;

/** The latency cost model is a sum of per-op latencies, with exact ranges (needs the shared latency tables). */
class LatencyCostModelTest extends CostModelContract {
    private MobileNetSpace space;
    private NetworkCostModel model;
    private LatencyModel latency;

    private void init() {
        if (model == null) {
            space = PaperSpaces.v3Large(PaperSpaces.IMAGENET);
            latency = LatencyModel.of(LatencyModelTest.note10());
            model = NetworkCostModel.of(space, "ms", latency::latencyMs);
        }
    }

    @Override
    protected SearchSpace space() {
        init();
        return space;
    }

    @Override
    protected CostModel costModel() {
        init();
        return model;
    }

    @Test
    void costIsTheSumOfTheOpsLatencies() {
        init();
        Architecture a = space.parse(space.format(space.defaultArchitecture()));
        double sum = space.network(a).stream().mapToDouble(latency::latencyMs).sum();
        assertThat(model.cost(a)).isCloseTo(sum, within(1e-9));
        assertThat(sum).isGreaterThan(0);
    }

    @Test
    void layerNasCanSearchUnderALatencyTarget() {
        // The Table 8 model's Note10 latency as the target; SyntheticEvaluator is a stand-in that trains nothing.
        MobileNetSpace small = PaperSpaces.v3Small(PaperSpaces.IMAGENET);
        NetworkCostModel ms = NetworkCostModel.of(small, "ms", LatencyModel.of(LatencyModelTest.note10())::latencyMs);
        double target = ms.cost(small.parse(PaperModels.TABLE_8));
        TargetRange range = new TargetRange(0.95 * target, target);
        SearchResult result = SearchRun.builder().space(small).costModel(ms).evaluator(new SyntheticEvaluator(7, 0, 0))
                .strategy(new LayerNas(LayerNas.Config.defaults())).target(range).budget(Budget.evaluations(3000))
                .seed(42).build().run();
        assertThat(result.bestTrial()).hasValueSatisfying(t -> assertThat(range.contains(ms.cost(t.architecture()))).isTrue());
    }

    @Test
    void tableDescribesLatencyPerOp() {
        init();
        String text = NetworkTable.describe(space, space.defaultArchitecture(), latency::latencyMs);
        assertThat(text).contains("latency ms", "block7.layer1", "head.dense", "total");
        Op stem = space.network(space.defaultArchitecture()).get(0);
        assertThat(text).contains(String.format(java.util.Locale.ROOT, "%.3f", latency.latencyMs(stem)));
        assertThat(NetworkTable.describe(space, space.defaultArchitecture(), model::opCost)).isEqualTo(text);
    }
}
