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
import io.layernas.api.CostModelContract;
import io.layernas.api.Op;
import org.junit.jupiter.api.Test;

/** The latency cost model is a sum of per-op latencies, with exact ranges (needs the shared latency tables). */
class LatencyCostModelTest extends CostModelContract {
    private static final MobileNetSpace SPACE = PaperSpaces.v3Large(PaperSpaces.IMAGENET);
    private static final LatencyModel LATENCY = LatencyModel.of(LatencyModelTest.note10());
    private static final NetworkCostModel MODEL = NetworkCostModel.of(SPACE, "ms", LATENCY::latencyMs);

    LatencyCostModelTest() {
        super(SPACE, MODEL);
    }

    @Test
    void costIsTheSumOfTheOpsLatencies() {
        Architecture a = SPACE.parse(SPACE.format(SPACE.defaultArchitecture()));
        double sum = SPACE.network(a).stream().mapToDouble(LATENCY::latencyMs).sum();
        assertThat(MODEL.cost(a)).isCloseTo(sum, within(1e-9));
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
        String text = NetworkTable.describe(SPACE, SPACE.defaultArchitecture(), LATENCY::latencyMs);
        assertThat(text).contains("latency ms", "block7.layer1", "head.dense", "total");
        Op stem = SPACE.network(SPACE.defaultArchitecture()).get(0);
        assertThat(text).contains(String.format(java.util.Locale.ROOT, "%.3f", LATENCY.latencyMs(stem)));
        assertThat(NetworkTable.describe(SPACE, SPACE.defaultArchitecture(), MODEL::opCost)).isEqualTo(text);
    }
}
