package io.layernas.core.layernas;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Budget;
import io.layernas.api.SearchResult;
import io.layernas.api.SearchStrategy;
import io.layernas.api.TargetRange;
import io.layernas.core.RandomSpaces;
import io.layernas.core.SearchRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The number of trainings stays within the paper's H·k·Σ|S_i| where |S|^L is far larger. */
class BoundTest {
    private static final int H = 10;
    private static final int K = 2;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void algorithmOneStaysWithinTheBound(long seed) {
        assertWithinBound(seed, new LayerNas(new LayerNas.Config(H, K, 5, 3, LayerNas.Policy.RANDOM, true)));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void dynamicProgrammeStaysWithinTheBound(long seed) {
        assertWithinBound(seed, new LayerNasDp(H, K));
    }

    private void assertWithinBound(long seed, SearchStrategy strategy) {
        RandomSpaces.Problem problem = RandomSpaces.problem(seed, 14, 8, 20);
        var full = problem.costs().range(problem.space().defaultArchitecture(), 0, problem.space().layerCount());
        double middle = (full.min() + full.max()) / 2;
        SearchResult result = SearchRun.builder().space(problem.space()).costModel(problem.costs())
                .evaluator(problem.evaluator()).strategy(strategy).target(new TargetRange(middle - 5, middle + 5))
                .budget(Budget.unlimited()).seed(seed).build().run();

        long bound = (long) H * K * problem.space().optionCount();
        assertThat(problem.space().architectureCount()).isGreaterThan(1e3 * bound);
        assertThat(result.evaluations()).isPositive().isLessThanOrEqualTo((int) bound);
        assertThat(result.bestTrial()).isPresent();
    }
}
