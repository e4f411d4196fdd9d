package io.layernas.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.layernas.api.Architecture;
import io.layernas.api.Budget;
import io.layernas.api.SearchResult;
import io.layernas.api.StopReason;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.api.Evaluator;
import io.layernas.core.RandomSpaces;
import io.layernas.core.Runs;
import io.layernas.core.SearchRun;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RandomSearchTest {
    private final RandomSpaces.Problem problem = RandomSpaces.problem(7, 5, 5, 6);
    private final TargetRange target = new TargetRange(14, 17);

    @Test
    void withAnUnlimitedBudgetItTrainsEveryArchitectureOnceAndFindsTheOptimum() {
        SearchResult result = Runs.run(problem, new RandomSearch(RandomSearch.Config.defaults()), target,
                Budget.unlimited(), 1);
        assertThat(result.evaluations()).isEqualTo((int) problem.space().architectureCount());
        assertThat(new HashSet<>(Runs.architectures(result))).hasSize(result.evaluations());
        assertThat(result.best().objective()).isCloseTo(problem.bruteForceOptimum(target), within(1e-12));
        assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
    }

    @Test
    void inTargetOnlyTrainsOnlyArchitecturesInsideTheTargetAndAllOfThem() {
        SearchResult result = Runs.run(problem, new RandomSearch(new RandomSearch.Config(true, 100_000)), target,
                Budget.unlimited(), 2);
        assertThat(result.trials()).allSatisfy(t -> assertThat(target.contains(t.cost())).isTrue());
        assertThat((long) result.evaluations()).isEqualTo(Runs.inTargetCount(problem, target));
    }

    @Test
    void aTargetNothingMeetsEndsAfterTheIdleDrawsWithoutTraining() {
        SearchResult result = Runs.run(problem, new RandomSearch(new RandomSearch.Config(true, 500)),
                new TargetRange(1000, 2000), Budget.trainingSeconds(10), 3);
        assertThat(result.evaluations()).isZero();
    }

    @Test
    void aTimeBudgetThatIsNeverChargedStillEnds() {
        // The problem's evaluator reports 0 training seconds, so only exhausting the space stops it.
        SearchResult result = Runs.run(problem, new RandomSearch(RandomSearch.Config.defaults()), target,
                Budget.trainingSeconds(1), 4);
        assertThat(result.evaluations()).isEqualTo((int) problem.space().architectureCount());
    }

    @Test
    void beatsTheAverageOfARandomInTargetModel() {
        double average = Runs.randomAverage(problem, target);
        double sum = 0;
        for (long seed = 0; seed < 20; seed++) {
            SearchResult result = Runs.run(problem, new RandomSearch(RandomSearch.Config.defaults()), target,
                    Budget.evaluations(150), seed);
            sum += result.best().objective();
        }
        assertThat(sum / 20).isGreaterThan(average);
    }

    @Test
    void itsFirstDrawIsUniformOverTheSpace() {
        RandomSpaces.Problem small = RandomSpaces.problem(8, 2, 3, 4);
        int count = (int) small.space().architectureCount();
        List<Architecture> all = small.space().enumerate(100);
        int[] hits = new int[count];
        int runs = 200 * count;
        for (long seed = 0; seed < runs; seed++) {
            Trial first = Runs.run(small, new RandomSearch(RandomSearch.Config.defaults()), TargetRange.unconstrained(),
                    Budget.evaluations(1), seed).trials().get(0);
            hits[all.indexOf(first.architecture())]++;
        }
        assertThat(java.util.Arrays.stream(hits).boxed()).allSatisfy(h -> assertThat(h).isBetween(140, 260));
    }

    private SearchResult parallel(RandomSearch.Config config, Budget budget, int workers, Evaluator evaluator) {
        return SearchRun.builder().space(problem.space()).costModel(problem.costs()).evaluator(evaluator)
                .strategy(new RandomSearch(config)).target(target).budget(budget).seed(11).workers(workers).build()
                .run();
    }

    @Test
    void parallelWorkersTrainTheSameArchitecturesInTheSameOrder() {
        for (RandomSearch.Config config : List.of(RandomSearch.Config.defaults(), new RandomSearch.Config(true, 1000))) {
            for (Budget budget : List.of(Budget.evaluations(37), Budget.unlimited())) {
                List<Architecture> one = Runs.architectures(parallel(config, budget, 1, problem.evaluator()));
                assertThat(Runs.architectures(parallel(config, budget, 4, problem.evaluator())))
                        .as(config + ", " + budget).isEqualTo(one);
            }
        }
    }

    @Test
    void itKeepsEveryWorkerBusy() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch fourAtOnce = new CountDownLatch(4);
        Evaluator evaluator = request -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            fourAtOnce.countDown();
            fourAtOnce.await(10, TimeUnit.SECONDS); // one candidate at a time would wait here in vain
            running.decrementAndGet();
            return problem.evaluator().evaluate(request);
        };
        SearchResult result = parallel(RandomSearch.Config.defaults(), Budget.evaluations(12), 4, evaluator);
        assertThat(result.evaluations()).isEqualTo(12);
        assertThat(most).as("evaluations running at once").hasValue(4);
    }
}
