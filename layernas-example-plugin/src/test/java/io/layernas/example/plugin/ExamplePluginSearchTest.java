package io.layernas.example.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Budget;
import io.layernas.api.CostModel;
import io.layernas.api.Evaluator;
import io.layernas.api.SearchResult;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchSpaceProvider;
import io.layernas.api.Settings;
import io.layernas.api.TargetRange;
import io.layernas.core.layernas.LayerNas;
import io.layernas.core.SearchRun;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The three plugins together: found through ServiceLoader, and searched by LayerNAS. */
class ExamplePluginSearchTest {

    @Test
    void isRegisteredForServiceLoader() {
        assertThat(ServiceLoader.load(SearchSpaceProvider.class).stream().map(p -> p.get().name()))
                .contains("example-grid");
    }

    @Test
    void layerNasFindsTheBestModelInTheTarget() throws Exception {
        SearchSpace space = new GridSpaceProvider().create(Settings.empty("space"));
        CostModel cost = new UnitsCostModelProvider().create(space, Settings.empty("cost"));
        TargetRange target = new TargetRange(20, 26);
        try (Evaluator score = new ScoreEvaluatorProvider().create(space, Settings.empty("evaluator"))) {
            SearchResult result = SearchRun.builder().space(space).costModel(cost).evaluator(score)
                    .strategy(new LayerNas(LayerNas.Config.defaults())).target(target)
                    .budget(Budget.unlimited()).seed(1).build().run();

            double bruteForce = space.enumerate(1000).stream().filter(a -> target.contains(cost.cost(a)))
                    .mapToDouble(a -> evaluate(score, space, a)).max().orElseThrow();
            assertThat(result.best().objective()).isEqualTo(bruteForce);
            assertThat(result.evaluations()).isLessThan((int) space.architectureCount());
        }
    }

    private static double evaluate(Evaluator evaluator, SearchSpace space, io.layernas.api.Architecture a) {
        try {
            return evaluator.evaluate(new io.layernas.api.EvaluationRequest(space, a, 0, 0, 1)).objective();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
