package io.layernas.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Budget;
import io.layernas.api.SearchResult;
import io.layernas.api.SearchStrategy;
import io.layernas.api.TargetRange;
import io.layernas.core.evolution.RegularizedEvolution;
import io.layernas.core.ppo.Ppo;
import io.layernas.core.random.RandomSearch;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BaselineDeterminismTest {
    private final RandomSpaces.Problem problem = RandomSpaces.problem(3, 10, 8, 20);

    static Stream<SearchStrategy> strategies() {
        return Stream.of(new RandomSearch(RandomSearch.Config.defaults()),
                new RegularizedEvolution(RegularizedEvolution.Config.paper()), new Ppo(Ppo.Config.paper()));
    }

    private SearchResult run(SearchStrategy strategy, long seed, int workers) {
        return SearchRun.builder().space(problem.space()).costModel(problem.costs())
                .evaluator(new SyntheticEvaluator(5, 0.01, 1)).strategy(strategy).target(new TargetRange(90, 110))
                .budget(Budget.evaluations(200)).seed(seed).workers(workers).build().run();
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void sameSeedGivesTheSameTrials(SearchStrategy strategy) {
        SearchResult first = run(strategy, 42, 1);
        assertThat(first.evaluations()).isEqualTo(200);
        assertThat(Runs.architectures(run(strategy, 42, 1))).isEqualTo(Runs.architectures(first));
        assertThat(Runs.architectures(run(strategy, 42, 3))).isEqualTo(Runs.architectures(first));
        assertThat(Runs.architectures(run(strategy, 43, 1))).isNotEqualTo(Runs.architectures(first));
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void oneInstanceRunsSearchesAtOnceWithoutSharingState(SearchStrategy strategy) throws Exception {
        SearchResult alone = run(strategy, 7, 1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> run(strategy, 7, 1));
            var b = pool.submit(() -> run(strategy, 8, 1));
            assertThat(Runs.architectures(a.get())).isEqualTo(Runs.architectures(alone));
            assertThat(b.get().evaluations()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
