package io.layernas.core.layernas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.layernas.api.Architecture;
import io.layernas.api.Budget;
import io.layernas.api.SearchResult;
import io.layernas.api.SearchStrategy;
import io.layernas.api.TargetRange;
import io.layernas.core.RandomSpaces;
import io.layernas.core.SearchRun;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On spaces where the paper's assumptions hold exactly (accuracy additive over layers, one
 * bucket per distinct cost), both algorithms must find the brute-force optimum.
 */
class BruteForceTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void dynamicProgrammeFindsTheOptimum(long seed) {
        assertFindsOptimum(seed, width -> new LayerNasDp(width, 1));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void algorithmOneWithUnlimitedBudgetFindsTheOptimum(long seed) {
        assertFindsOptimum(seed, width -> new LayerNas(new LayerNas.Config(width, 1, 2, 2, LayerNas.Policy.RANDOM, false)));
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25})
    void algorithmOneWithBestFirstPolicyFindsTheOptimum(long seed) {
        assertFindsOptimum(seed, width -> new LayerNas(new LayerNas.Config(width, 1, 1, 3, LayerNas.Policy.BEST, false)));
    }

    private void assertFindsOptimum(long seed, java.util.function.IntFunction<SearchStrategy> strategy) {
        RandomSpaces.Problem problem = RandomSpaces.problem(seed, 4 + (int) (seed % 3), 5, 6);
        Architecture defaults = problem.space().defaultArchitecture();
        var full = problem.costs().range(defaults, 0, problem.space().layerCount());
        // One bucket per integer cost: H = width + 1 makes Eq. 4 map distinct costs to distinct buckets.
        int buckets = (int) full.width() + 1;
        TargetRange target = randomTarget(new SplittableRandom(seed), full.min(), full.max());
        double optimum = problem.bruteForceOptimum(target);

        SearchResult result = SearchRun.builder().space(problem.space()).costModel(problem.costs())
                .evaluator(problem.evaluator()).strategy(strategy.apply(buckets)).target(target)
                .budget(Budget.unlimited()).seed(seed).build().run();

        if (Double.isNaN(optimum)) {
            assertThat(result.bestTrial()).isEmpty();
            return;
        }
        assertThat(result.bestTrial()).as("best of %s in %s", problem.space().name(), target).isPresent();
        assertThat(result.best().objective()).isCloseTo(optimum, within(1e-12));
        assertThat(result.evaluations()).isLessThan((int) problem.space().architectureCount() + 1);
    }

    private static TargetRange randomTarget(SplittableRandom random, double min, double max) {
        double low = min + Math.floor(random.nextDouble() * (max - min) * 0.6);
        return new TargetRange(low, low + 1 + random.nextInt(3));
    }
}
