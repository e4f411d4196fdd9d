package io.layernas.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Architecture;
import io.layernas.api.Budget;
import io.layernas.api.Evaluator;
import io.layernas.api.Metrics;
import io.layernas.api.SearchResult;
import io.layernas.api.StopReason;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import io.layernas.core.layernas.LayerNas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SearchRunTest {
    private final RandomSpaces.Problem problem = RandomSpaces.problem(9, 8, 6, 10);
    private final TargetRange target = new TargetRange(35, 45);

    private SearchRun.Builder run(Evaluator evaluator) {
        return SearchRun.builder().space(problem.space()).costModel(problem.costs()).evaluator(evaluator)
                .strategy(new LayerNas(LayerNas.Config.defaults())).target(target).seed(7);
    }

    @Test
    void stopsAtTheEvaluationBudget() {
        SearchResult result = run(problem.evaluator()).budget(Budget.evaluations(25)).build().run();
        assertThat(result.evaluations()).isEqualTo(25);
        assertThat(result.stopReason()).isEqualTo(StopReason.BUDGET_EXHAUSTED);
        assertThat(result.abort()).isEmpty();
        assertThat(result.target()).isEqualTo(target);
        assertThat(result.costUnit()).isEqualTo(problem.costs().unit());
        assertThat(result.trials()).extracting(Trial::index).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 25).boxed().toList());
    }

    @Test
    void aBuiltRunKeepsItsSettingsWhenTheBuilderChanges() {
        SearchRun.Builder builder = run(problem.evaluator()).budget(Budget.evaluations(12));
        SearchRun run = builder.build();
        builder.budget(Budget.evaluations(3)).target(new TargetRange(0, 1)).seed(99);
        assertThat(run.problem()).isEqualTo(new Problem(problem.space(), problem.costs(), target, Budget.evaluations(12)));
        SearchResult result = run.run();
        assertThat(result.evaluations()).isEqualTo(12);
        assertThat(result.trials().stream().map(Trial::architecture).toList()).isEqualTo(
                run(problem.evaluator()).budget(Budget.evaluations(12)).build().run().trials().stream()
                        .map(Trial::architecture).toList());
        assertThat(builder.copy().build().problem()).isEqualTo(new Problem(problem.space(), problem.costs(),
                new TargetRange(0, 1), Budget.evaluations(3)));
    }

    @Test
    void stopsAfterTheTrialThatCrossesTheTimeBudget() {
        Evaluator tenSeconds = request -> new Metrics(problem.accuracy(request.architecture()), 10, Map.of());
        SearchResult result = run(tenSeconds).budget(Budget.trainingSeconds(95)).build().run();
        assertThat(result.evaluations()).isEqualTo(10);
        assertThat(result.trainingSeconds()).isEqualTo(100);
    }

    @Test
    void neverEvaluatesAnArchitectureTwice() {
        Map<Architecture, AtomicInteger> calls = new ConcurrentHashMap<>();
        Evaluator counting = request -> {
            calls.computeIfAbsent(request.architecture(), a -> new AtomicInteger()).incrementAndGet();
            return Metrics.of(problem.accuracy(request.architecture()));
        };
        SearchResult result = run(counting).build().run();
        assertThat(calls.values()).allMatch(count -> count.get() == 1);
        assertThat(calls).hasSize(result.evaluations());
    }

    @Test
    void recordsFailedTrialsWithTheirReasonAndGoesOn() {
        Evaluator flaky = request -> {
            if (request.architecture().hashCode() % 5 == 0) {
                throw new IllegalStateException("GPU fell off the bus");
            }
            if (request.architecture().hashCode() % 7 == 0) {
                return Metrics.of(Double.NaN);
            }
            return Metrics.of(problem.accuracy(request.architecture()));
        };
        SearchResult result = run(flaky).build().run();
        List<Trial> failed = result.trials().stream().filter(t -> t.status() == TrialStatus.FAILED).toList();
        assertThat(failed).isNotEmpty();
        assertThat(failed).extracting(Trial::failure)
                .allMatch(f -> f.contains("GPU fell off the bus") || f.contains("finite number"));
        assertThat(result.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(result.best().succeeded()).isTrue();
    }

    @Test
    void retriesAFailedEvaluation() {
        Map<Architecture, AtomicInteger> attempts = new ConcurrentHashMap<>();
        Evaluator failsOnce = request -> {
            if (attempts.computeIfAbsent(request.architecture(), a -> new AtomicInteger()).incrementAndGet() == 1) {
                throw new IllegalStateException("transient");
            }
            return Metrics.of(problem.accuracy(request.architecture()));
        };
        SearchResult result = run(failsOnce).retries(1).budget(Budget.evaluations(20)).build().run();
        assertThat(result.trials()).allMatch(Trial::succeeded).allMatch(t -> t.attempts() == 2);
    }

    @Test
    void tooManyFailuresInARowStopTheRunAndKeepItsTrials() {
        InMemoryTrialStore store = new InMemoryTrialStore();
        SearchResult result = run(request -> {
            throw new IllegalStateException("dataset missing");
        }).maxConsecutiveFailures(2).store(store).build().run();
        assertThat(result.stopReason()).isEqualTo(StopReason.TOO_MANY_FAILURES);
        assertThat(result.evaluations()).isEqualTo(2);
        assertThat(store.load()).hasSize(2);
        assertThat(result.abortReason()).contains("2 trials failed in a row")
                .contains("dataset missing").contains("allow more failures in a row than 2");
    }

    @Test
    void aRunStoppedForTooManyFailuresRetriesTheFailedCandidatesOnResumeOnceTheCauseIsFixed() {
        SearchResult uninterrupted = run(problem.evaluator()).build().run();
        AtomicInteger calls = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Architecture> evaluated = new ArrayList<>();
        Evaluator breaksAfterFive = request -> {
            evaluated.add(request.architecture());
            if (calls.incrementAndGet() > 5 && broken.get()) {
                throw new IllegalStateException("dataset missing");
            }
            return Metrics.of(problem.accuracy(request.architecture()));
        };
        InMemoryTrialStore store = new InMemoryTrialStore();
        SearchResult stopped = run(breaksAfterFive).maxConsecutiveFailures(3).store(store).build().run();
        assertThat(stopped.stopReason()).isEqualTo(StopReason.TOO_MANY_FAILURES);
        List<Architecture> failed = stopped.trials().subList(5, 8).stream().map(Trial::architecture).toList();

        broken.set(false);
        evaluated.clear();
        SearchResult resumed = run(breaksAfterFive).maxConsecutiveFailures(3).store(store).build().run();

        assertThat(resumed.stopReason()).isEqualTo(StopReason.COMPLETED);
        assertThat(evaluated.subList(0, 3)).as("the failed candidates are evaluated again, first").isEqualTo(failed);
        assertThat(resumed.trials()).allMatch(Trial::succeeded);
        assertThat(resumed.trials().stream().map(Trial::architecture).toList())
                .isEqualTo(uninterrupted.trials().stream().map(Trial::architecture).toList());
        assertThat(store.load()).isEqualTo(resumed.trials());
    }

    @Test
    void aLowerFailureLimitOnResumeNeverStopsTheReplay() {
        InMemoryTrialStore store = new InMemoryTrialStore();
        Evaluator failsEarly = request -> {
            if (request.trialIndex() >= 2 && request.trialIndex() < 5) {
                throw new IllegalStateException("flaky node");
            }
            return Metrics.of(problem.accuracy(request.architecture()));
        };
        run(failsEarly).maxConsecutiveFailures(4).budget(Budget.evaluations(12)).store(store).build().run();
        SearchResult resumed = run(failsEarly).maxConsecutiveFailures(2).budget(Budget.evaluations(20)).store(store)
                .build().run();
        assertThat(resumed.stopReason()).isEqualTo(StopReason.BUDGET_EXHAUSTED);
        assertThat(resumed.trials().subList(2, 5)).noneMatch(Trial::succeeded);
    }

    @Test
    void trialsOfAParallelBatchThatFinishTogetherAreStoredTogetherAndBeforeTheStrategySeesThem() {
        List<Integer> appendSizes = new ArrayList<>();
        InMemoryTrialStore memory = new InMemoryTrialStore();
        io.layernas.api.TrialStore counting = new io.layernas.api.TrialStore() {
            @Override
            public List<Trial> load() {
                return memory.load();
            }

            @Override
            public void append(Trial trial) {
                appendAll(List.of(trial));
            }

            @Override
            public void appendAll(List<Trial> trials) {
                appendSizes.add(trials.size());
                trials.forEach(memory::append);
            }
        };
        List<Integer> unstoredSeen = new ArrayList<>();
        io.layernas.api.SearchStrategy batches = context -> {
            java.util.SplittableRandom random = context.random("batches");
            while (!context.budgetExhausted()) {
                List<io.layernas.api.Candidate> batch = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    int[] choices = new int[problem.space().layerCount()];
                    for (int l = 0; l < choices.length; l++) {
                        choices[l] = random.nextInt(problem.space().layers().get(l).size());
                    }
                    batch.add(io.layernas.api.Candidate.of(Architecture.of(choices)));
                }
                List<Trial> seen = context.evaluate(batch);
                seen.stream().filter(t -> !memory.load().contains(t)).forEach(t -> unstoredSeen.add(t.index()));
            }
        };
        Evaluator firstOfEightIsSlow = request -> {
            Thread.sleep(request.trialIndex() % 8 == 0 ? 50 : 0);
            return Metrics.of(problem.accuracy(request.architecture()));
        };
        SearchResult result = SearchRun.builder().space(problem.space()).costModel(problem.costs())
                .evaluator(firstOfEightIsSlow).strategy(batches).seed(3).workers(8).budget(Budget.evaluations(64))
                .store(counting).build().run();
        assertThat(unstoredSeen).as("trials the strategy saw before they were stored").isEmpty();
        assertThat(memory.load()).isEqualTo(result.trials());
        assertThat(appendSizes).as("one transaction for the trials that finished together").anyMatch(n -> n > 1);
    }

    @Test
    void timesOutASlowEvaluation() {
        Evaluator slow = request -> {
            Thread.sleep(request.architecture().equals(problem.space().defaultArchitecture()) ? 10_000 : 0);
            return Metrics.of(problem.accuracy(request.architecture()));
        };
        SearchResult result = run(slow).timeout(Duration.ofMillis(200)).budget(Budget.evaluations(10)).build().run();
        Trial defaults = result.trials().stream()
                .filter(t -> t.architecture().equals(problem.space().defaultArchitecture())).findFirst().orElseThrow();
        assertThat(defaults.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(defaults.failure()).contains("timed out");
    }

    @Test
    void resumingFromStoredTrialsReplaysThemAndEndsLikeAnUninterruptedRun() {
        SearchResult uninterrupted = run(problem.evaluator()).build().run();

        InMemoryTrialStore store = new InMemoryTrialStore();
        // Interrupted half way (as by kill -9): the store keeps the first half of the same run's trials.
        run(problem.evaluator()).store(store).build().run();
        store.truncate(uninterrupted.evaluations() / 2);
        List<Architecture> evaluatedAfterResume = new ArrayList<>();
        Evaluator recording = request -> {
            synchronized (evaluatedAfterResume) {
                evaluatedAfterResume.add(request.architecture());
            }
            return Metrics.of(problem.accuracy(request.architecture()));
        };
        SearchResult resumed = run(recording).store(store).build().run();

        assertThat(resumed.trials()).isEqualTo(uninterrupted.trials().stream().map(t -> resumed.trials()
                .get(t.index())).toList());
        assertThat(resumed.trials().stream().map(Trial::architecture).toList())
                .isEqualTo(uninterrupted.trials().stream().map(Trial::architecture).toList());
        assertThat(evaluatedAfterResume).hasSize(uninterrupted.evaluations() - uninterrupted.evaluations() / 2);
        assertThat(resumed.best().architecture()).isEqualTo(uninterrupted.best().architecture());
    }
}
