package io.layernas.spaces.mobilenet;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Budget;
import io.layernas.api.SearchResult;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.core.layernas.LayerNas;
import io.layernas.core.SearchRun;
import io.layernas.core.SyntheticEvaluator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LayerNAS over each paper space at its MAdds target ends with a model inside [0.95, 1.0] x target
 * within 3,000 trials (a fortieth of the paper's maximum; 1,200 is not enough for the 600M space).
 * Accuracy comes from {@link SyntheticEvaluator}, a cheap stand-in that trains nothing; the
 * numbers it gives are not model quality.
 */
class LayerNasSearchTest {

    @ParameterizedTest
    @ValueSource(strings = {PaperSpaces.V3_SMALL, PaperSpaces.V3_LARGE, PaperSpaces.V2, PaperSpaces.V2_14})
    void findsAModelInsideTheTargetRange(String name) {
        MobileNetSpace space = PaperSpaces.create(name, PaperSpaces.IMAGENET);
        NetworkCostModel madds = NetworkCostModel.madds(space);
        double target = PaperSpaces.targetMadds(space.name());
        TargetRange range = new TargetRange(0.95 * target, target);
        SearchResult result = SearchRun.builder().space(space).costModel(madds)
                .evaluator(new SyntheticEvaluator(7, 0, 0)).strategy(new LayerNas(LayerNas.Config.defaults()))
                .target(range).budget(Budget.evaluations(3000)).seed(42).workers(1).build().run();
        Trial best = result.bestTrial().orElseThrow(() -> new AssertionError(space.name() + ": no model in " + range
                + " after " + result.evaluations() + " trials"));
        assertThat(range.contains(madds.cost(best.architecture()))).as(space.name()).isTrue();
        assertThat(best.cost()).isEqualTo(madds.cost(best.architecture()));
        System.out.printf("%s: best %s at %.1fM MAdds after %d trials%n", space.name(), space.format(best.architecture()),
                best.cost() / 1e6, result.evaluations());
    }
}
