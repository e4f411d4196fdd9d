package io.layernas.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Architecture;
import io.layernas.api.Budget;
import io.layernas.api.CandidateExecutor;
import io.layernas.api.EvaluationJob;
import io.layernas.api.Metrics;
import io.layernas.api.SearchResult;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.core.layernas.LayerNas;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeterminismTest {
    private final RandomSpaces.Problem problem = RandomSpaces.problem(3, 10, 8, 20);
    private final TargetRange target = new TargetRange(90, 110);

    private SearchResult run(long seed, int workers) {
        return SearchRun.builder().space(problem.space()).costModel(problem.costs())
                .evaluator(new SyntheticEvaluator(5, 0.01, 1)).strategy(new LayerNas(LayerNas.Config.defaults()))
                .target(target).budget(Budget.evaluations(300)).seed(seed).workers(workers).build().run();
    }

    private static List<Architecture> architectures(SearchResult result) {
        return result.trials().stream().map(Trial::architecture).toList();
    }

    @Test
    void sameSeedGivesTheSameTrialsInTheSameOrder() {
        SearchResult first = run(42, 1);
        SearchResult second = run(42, 1);
        assertThat(first.evaluations()).isEqualTo(300);
        assertThat(architectures(second)).isEqualTo(architectures(first));
        assertThat(second.trials().stream().map(Trial::objective).toList())
                .isEqualTo(first.trials().stream().map(Trial::objective).toList());
    }

    @Test
    void parallelWorkersDoNotChangeWhatTheSearchDecides() {
        assertThat(architectures(run(42, 3))).isEqualTo(architectures(run(42, 1)));
    }

    @Test
    void anExecutorThatFinishesOutOfOrderDoesNotChangeTheTrials() {
        SyntheticEvaluator evaluator = new SyntheticEvaluator(5, 0.01, 1);
        SearchResult shuffled = SearchRun.builder().space(problem.space()).costModel(problem.costs())
                .strategy(new LayerNas(LayerNas.Config.defaults())).target(target).budget(Budget.evaluations(300))
                .seed(42).executor(new ShufflingExecutor(evaluator)).build().run();
        assertThat(shuffled.trials()).hasSize(300);
        assertThat(architectures(shuffled)).isEqualTo(architectures(run(42, 1)));
        assertThat(shuffled.trials().stream().map(Trial::objective).toList())
                .isEqualTo(run(42, 1).trials().stream().map(Trial::objective).toList());
    }

    /** Many attempts in flight, each finishing after a random delay: the order of completion is arbitrary. */
    private record ShufflingExecutor(SyntheticEvaluator evaluator) implements CandidateExecutor {
        @Override
        public CompletableFuture<Metrics> submit(EvaluationJob job) {
            long delay = new SplittableRandom(job.key().hashCode()).nextInt(3);
            return CompletableFuture.supplyAsync(() -> evaluator.evaluate(job.request()),
                    CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
        }

        @Override
        public int capacity() {
            return 64;
        }
    }

    @Test
    void anotherSeedSearchesDifferently() {
        assertThat(architectures(run(43, 1))).isNotEqualTo(architectures(run(42, 1)));
    }
}
