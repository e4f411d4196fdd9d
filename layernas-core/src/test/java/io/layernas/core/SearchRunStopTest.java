package io.layernas.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.EvaluationProgress;
import io.layernas.api.Evaluator;
import io.layernas.api.Metrics;
import io.layernas.api.SearchEvent;
import io.layernas.api.SearchResult;
import io.layernas.api.StopReason;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.core.layernas.LayerNas;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link SearchRun#stop}: no evaluation starts after it, running ones finish or are abandoned, resume completes the run. */
class SearchRunStopTest {
    private final RandomSpaces.Problem problem = RandomSpaces.problem(9, 8, 6, 10);
    private final TargetRange target = new TargetRange(35, 45);

    private SearchRun.Builder run(Evaluator evaluator, InMemoryTrialStore store, int workers) {
        return SearchRun.builder().space(problem.space()).costModel(problem.costs()).evaluator(evaluator)
                .strategy(new LayerNas(LayerNas.Config.defaults())).target(target).seed(7).store(store)
                .workers(workers);
    }

    private Evaluator accurate() {
        return request -> Metrics.of(problem.accuracy(request.architecture()));
    }

    @Test
    void aStopLetsTheRunningTrialFinishStartsNoOtherAndTheResumedRunEndsLikeAnUninterruptedOne() {
        SearchResult uninterrupted = run(accurate(), new InMemoryTrialStore(), 1).build().run();
        InMemoryTrialStore store = new InMemoryTrialStore();
        AtomicInteger started = new AtomicInteger();
        AtomicReference<SearchRun> search = new AtomicReference<>();
        Evaluator stopsDuringTheFifth = request -> {
            if (started.incrementAndGet() == 5) {
                search.get().stop(false);
            }
            return Metrics.of(problem.accuracy(request.architecture()));
        };
        search.set(run(stopsDuringTheFifth, store, 1).build());
        SearchResult stopped = search.get().run();

        assertThat(stopped.stopReason()).isEqualTo(StopReason.INTERRUPTED);
        assertThat(started).hasValue(5);
        assertThat(stopped.trials()).hasSize(5);
        assertThat(store.load()).hasSize(5);
        SearchResult resumed = run(accurate(), store, 1).build().run();
        assertThat(resumed.trials()).extracting(Trial::architecture)
                .containsExactlyElementsOf(uninterrupted.trials().stream().map(Trial::architecture).toList());
    }

    @Test
    void abandoningCancelsTheRunningEvaluationRecordsNothingForItAndReturnsOnlyOnceItHasReturned() throws Exception {
        InMemoryTrialStore store = new InMemoryTrialStore();
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        CountDownLatch blocked = new CountDownLatch(1);
        Evaluator blocksOnTheThird = request -> {
            running.incrementAndGet();
            try {
                if (calls.incrementAndGet() == 3) {
                    blocked.countDown();
                    while (true) {
                        request.monitor().checkCancelled();
                        Thread.sleep(5);
                    }
                }
                return Metrics.of(problem.accuracy(request.architecture()));
            } finally {
                Thread.sleep(50); // releasing native memory takes a while; run() must wait for it
                running.decrementAndGet();
            }
        };
        SearchRun search = run(blocksOnTheThird, store, 1).build();
        Thread stopper = new Thread(() -> {
            try {
                blocked.await();
            } catch (InterruptedException e) {
                return;
            }
            search.stop(false);
            search.stop(true);
        });
        stopper.start();
        SearchResult stopped = search.run();
        stopper.join();

        assertThat(running).as("no evaluation still runs when run() returns").hasValue(0);
        assertThat(stopped.stopReason()).isEqualTo(StopReason.INTERRUPTED);
        assertThat(stopped.trials()).hasSize(2).allMatch(Trial::succeeded);
        assertThat(store.load()).hasSize(2);
    }

    @Test
    void inParallelTheFinishedTrialsAreKeptInCandidateOrderAndQueuedOnesNeverStart() {
        SearchResult uninterrupted = run(accurate(), new InMemoryTrialStore(), 1).build().run();
        InMemoryTrialStore store = new InMemoryTrialStore();
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger afterStop = new AtomicInteger();
        AtomicReference<SearchRun> search = new AtomicReference<>();
        Evaluator stopsOnTheTwelfth = request -> {
            int call = calls.incrementAndGet();
            if (call == 12) {
                search.get().stop(false);
            } else if (call > 12 + 3) {
                afterStop.incrementAndGet();
            }
            Thread.sleep(request.architecture().hashCode() & 7);
            return Metrics.of(problem.accuracy(request.architecture()));
        };
        search.set(run(stopsOnTheTwelfth, store, 4).build());
        SearchResult stopped = search.get().run();

        assertThat(stopped.stopReason()).isEqualTo(StopReason.INTERRUPTED);
        assertThat(afterStop).as("evaluations started after the stop beyond those already running").hasValue(0);
        List<Trial> prefix = uninterrupted.trials().subList(0, stopped.trials().size());
        assertThat(stopped.trials()).extracting(Trial::architecture)
                .containsExactlyElementsOf(prefix.stream().map(Trial::architecture).toList());
        SearchResult resumed = run(accurate(), store, 4).build().run();
        assertThat(resumed.trials()).extracting(Trial::architecture)
                .containsExactlyElementsOf(uninterrupted.trials().stream().map(Trial::architecture).toList());
    }

    @Test
    void aTimedOutEvaluationIsCancelledThroughItsMonitor() throws Exception {
        CountDownLatch cancelled = new CountDownLatch(1);
        Evaluator slowFirst = request -> {
            if (request.trialIndex() == 0) {
                while (!request.monitor().cancelled()) {
                    Thread.onSpinWait();
                }
                cancelled.countDown();
                throw new CancellationException();
            }
            return Metrics.of(problem.accuracy(request.architecture()));
        };
        SearchResult result = run(slowFirst, new InMemoryTrialStore(), 1)
                .timeout(java.time.Duration.ofMillis(100)).budget(io.layernas.api.Budget.evaluations(3)).build().run();
        assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(result.trials().get(0).failure()).contains("timed out");
    }

    @Test
    void progressReportedByTheEvaluatorReachesTheListenersAsEvents() {
        List<SearchEvent.TrialProgress> events = new CopyOnWriteArrayList<>();
        Evaluator reporting = request -> {
            request.monitor().progress(new EvaluationProgress(1, 2, 0.5, 1.0));
            request.monitor().progress(new EvaluationProgress(2, 2, 0.25, 2.0));
            return Metrics.of(problem.accuracy(request.architecture()));
        };
        run(reporting, new InMemoryTrialStore(), 2).budget(io.layernas.api.Budget.evaluations(3))
                .listener(event -> {
                    if (event instanceof SearchEvent.TrialProgress progress) {
                        events.add(progress);
                    }
                }).build().run();
        assertThat(events).hasSize(6);
        assertThat(events).extracting(e -> e.progress().epoch()).containsOnly(1, 2);
        assertThat(events).extracting(SearchEvent.TrialProgress::trialIndex).containsOnly(0, 1, 2);
    }
}
