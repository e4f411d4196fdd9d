package io.layernas.core.internal;

import io.layernas.api.Architecture;
import io.layernas.api.Budget;
import io.layernas.api.Candidate;
import io.layernas.api.CostModel;
import io.layernas.api.SearchContext;
import io.layernas.api.SearchEvent;
import io.layernas.api.SearchListener;
import io.layernas.api.SearchSpace;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.api.TrialStore;
import io.layernas.core.Results;
import io.layernas.core.SearchAbortedException;
import io.layernas.core.Seeds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The bookkeeping of one run: trials in order, budget, de-duplication, parallel evaluation,
 * replay of stored trials on resume, failure streaks and events. Used by one strategy thread.
 *
 * <p>Determinism: a batch is evaluated in parallel but its trials are accepted in candidate order,
 * and the budget is applied in that order, so what the strategy sees never depends on timing.
 */
public final class DefaultSearchContext implements SearchContext {
    private final SearchSpace space;
    private final CostModel costModel;
    private final TargetRange target;
    private final Budget budget;
    private final long seed;
    private final Evaluations evaluations;
    private final ExecutorService workers;
    private final TrialStore store;
    private final List<SearchListener> listeners;
    private final int maxConsecutiveFailures;
    private final Stop stop;
    private final Map<Architecture, Trial> replay = new HashMap<>();
    private final Map<Architecture, Trial> byArchitecture = new HashMap<>();
    private final List<Trial> trials = new ArrayList<>();
    private double trainingSeconds;
    private int consecutiveFailures;
    private Trial best;

    /**
     * Creates the context; trials already in {@code store} are replayed, not evaluated again.
     *
     * @param workers the pool that evaluates a batch in parallel, or {@code null} to evaluate on
     *                the calling thread, one candidate at a time
     * @param stop    the run's stop request: once set, no evaluation starts and {@link #evaluate}
     *                throws {@link SearchStoppedException} after accepting the trials that finished
     */
    public DefaultSearchContext(SearchSpace space, CostModel costModel, TargetRange target, Budget budget, long seed,
                                Evaluations evaluations, ExecutorService workers, TrialStore store,
                                List<SearchListener> listeners, int maxConsecutiveFailures, Stop stop) {
        this.space = space;
        this.costModel = costModel;
        this.target = target;
        this.budget = budget;
        this.seed = seed;
        this.evaluations = evaluations;
        this.workers = workers;
        this.store = store;
        this.listeners = List.copyOf(listeners);
        this.maxConsecutiveFailures = maxConsecutiveFailures;
        this.stop = stop;
        for (Trial trial : store.load()) {
            replay.put(trial.architecture(), trial);
        }
    }

    @Override
    public SearchSpace space() {
        return space;
    }

    @Override
    public CostModel costModel() {
        return costModel;
    }

    @Override
    public TargetRange target() {
        return target;
    }

    @Override
    public Budget budget() {
        return budget;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public SplittableRandom random(String component) {
        return new SplittableRandom(Seeds.forComponent(seed, component));
    }

    @Override
    public Optional<Trial> find(Architecture architecture) {
        return Optional.ofNullable(byArchitecture.get(architecture));
    }

    @Override
    public boolean budgetExhausted() {
        return trials.size() >= budget.maxEvaluations() || trainingSeconds >= budget.maxTrainingSeconds();
    }

    /** The trials so far, in order. */
    public List<Trial> trials() {
        return List.copyOf(trials);
    }

    /** Summed training seconds so far. */
    public double trainingSeconds() {
        return trainingSeconds;
    }

    @Override
    public List<Trial> evaluate(List<Candidate> candidates) {
        List<Trial> result = new ArrayList<>();
        throwIfStopped();
        if (budgetExhausted()) {
            return result;
        }
        Map<Architecture, Candidate> fresh = freshCandidates(candidates);
        Map<Architecture, CompletableFuture<Trial>> running = workers == null ? Map.of() : start(fresh);
        for (Candidate candidate : candidates) {
            Trial known = byArchitecture.get(candidate.architecture());
            if (known != null) {
                result.add(known);
                continue;
            }
            if (budgetExhausted()) {
                break;
            }
            Trial trial = workers == null ? replayOrEvaluate(candidate, trials.size())
                    : running.get(candidate.architecture()).join();
            if (trial == null) {
                break; // abandoned by a stop; later trials of the batch would come out of order
            }
            result.add(accept(trial.index() == trials.size() ? trial : renumber(trial, trials.size())));
        }
        running.values().forEach(f -> f.cancel(true));
        throwIfStopped();
        return result;
    }

    private void throwIfStopped() {
        if (stop.requested()) {
            throw new SearchStoppedException();
        }
    }

    /** New architectures of the batch, in order, no more than the evaluation budget has room for. */
    private Map<Architecture, Candidate> freshCandidates(List<Candidate> candidates) {
        Map<Architecture, Candidate> fresh = new LinkedHashMap<>();
        long room = budget.maxEvaluations() - trials.size();
        for (Candidate candidate : candidates) {
            space.validate(candidate.architecture());
            if (fresh.size() < room && !byArchitecture.containsKey(candidate.architecture())) {
                fresh.putIfAbsent(candidate.architecture(), candidate);
            }
        }
        return fresh;
    }

    private Map<Architecture, CompletableFuture<Trial>> start(Map<Architecture, Candidate> fresh) {
        Map<Architecture, CompletableFuture<Trial>> running = new HashMap<>();
        int index = trials.size();
        for (Candidate candidate : fresh.values()) {
            int trialIndex = index++;
            Trial stored = replay.get(candidate.architecture());
            if (stored != null) {
                running.put(candidate.architecture(), CompletableFuture.completedFuture(stored));
            } else {
                running.put(candidate.architecture(),
                        CompletableFuture.supplyAsync(() -> evaluateNow(candidate, trialIndex), workers));
            }
        }
        return running;
    }

    private Trial replayOrEvaluate(Candidate candidate, int index) {
        Trial stored = replay.get(candidate.architecture());
        return stored != null ? stored : evaluateNow(candidate, index);
    }

    /** The candidate's trial, or {@code null} when a stop kept it from starting or abandoned it. */
    private Trial evaluateNow(Candidate candidate, int index) {
        if (stop.requested()) {
            return null;
        }
        double cost = costModel.cost(candidate.architecture());
        Evaluations.Outcome outcome = evaluations.run(candidate.architecture(), index, this::publish);
        if (outcome.abandoned()) {
            return null;
        }
        return new Trial(index, candidate.architecture(), candidate.layer(), candidate.bucket(), cost,
                outcome.status(), outcome.metrics(), outcome.failure(), outcome.wallSeconds(), outcome.attempts());
    }

    private static Trial renumber(Trial trial, int index) {
        return new Trial(index, trial.architecture(), trial.layer(), trial.bucket(), trial.cost(), trial.status(),
                trial.metrics(), trial.failure(), trial.wallSeconds(), trial.attempts());
    }

    private Trial accept(Trial trial) {
        Trial replayed = replay.get(trial.architecture());
        if (replayed == null) {
            store.append(trial);
        } else if (replayed.index() != trial.index()) {
            throw new SearchAbortedException("the stored trials do not match this search: trial #" + replayed.index()
                    + " (" + space.format(trial.architecture()) + ") comes at #" + trial.index()
                    + " now. Resume with the same configuration and seed as the interrupted run.");
        }
        trials.add(trial);
        byArchitecture.put(trial.architecture(), trial);
        trainingSeconds += trial.trainingSeconds();
        if (trial.succeeded() && target.contains(trial.cost())
                && (best == null || Results.BETTER_FIRST.compare(trial, best) < 0)) {
            best = trial;
        }
        publish(new SearchEvent.TrialFinished(trial, trials.size(), trainingSeconds, best));
        countFailures(trial);
        return trial;
    }

    private void countFailures(Trial trial) {
        consecutiveFailures = trial.succeeded() ? 0 : consecutiveFailures + 1;
        if (consecutiveFailures >= maxConsecutiveFailures) {
            throw new SearchAbortedException(consecutiveFailures + " trials failed in a row; the last failed with: "
                    + trial.failure() + ". Fix the evaluator and resume the run (its trials are kept), or raise "
                    + "evaluation.maxConsecutiveFailures.");
        }
    }

    /** Sends {@code event} to every listener; one event at a time, whichever thread publishes. */
    @Override
    public synchronized void publish(SearchEvent event) {
        for (SearchListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                // A broken listener (a progress bar, a log) must not stop the search.
            }
        }
    }
}
