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
import io.layernas.api.TrialStatus;
import io.layernas.api.TrialStore;
import io.layernas.core.Problem;
import io.layernas.core.BudgetHistory;
import io.layernas.core.Resume;
import io.layernas.core.ResumeMismatchException;
import io.layernas.core.Seeds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * What a strategy sees of its run: the problem, the seed's random sources, and {@link #evaluate},
 * which de-duplicates candidates, replays stored trials on resume, evaluates the rest through the
 * run's executor, stores and records each trial ({@link TrialLedger}), stops a failure streak
 * ({@link FailureStreak}) and publishes events. Used by one strategy thread.
 *
 * <p>Determinism: a batch is evaluated in parallel but its trials are accepted in candidate order,
 * and the budget is applied in that order, so what the strategy sees never depends on timing.
 */
public final class DefaultSearchContext implements SearchContext {
    private final Problem problem;
    private final long seed;
    private final Evaluations evaluations;
    private final TrialStore store;
    private final List<SearchListener> listeners;
    private final Stop stop;
    private final Map<Architecture, Trial> replay = new HashMap<>();
    /** The budgets the stored trials were made under, then the run's. */
    private final BudgetHistory budgets;
    /** The stored trials to replay, by index: a new evaluation must not take one's place. */
    private final Map<Integer, Trial> replayByIndex = new HashMap<>();
    private final TrialLedger ledger;
    private final FailureStreak failures;
    /** Accepted trials not stored yet; stored before {@link #evaluate} returns or waits. */
    private final List<Trial> pending = new ArrayList<>();

    /**
     * Creates the context; trials already in {@code store} are replayed, not evaluated again.
     *
     * @param budgets     the budgets the stored trials were made under; the run's budget applies from the
     *                    first trial not replayed
     * @param evaluations evaluates through the run's executor: a batch at once when the executor
     *                    runs more than one attempt at a time, else one candidate at a time
     */
    public DefaultSearchContext(Problem problem, long seed, Evaluations evaluations, TrialStore store,
                                BudgetHistory budgets, List<SearchListener> listeners, int maxConsecutiveFailures,
                                Stop stop) {
        this.stop = stop;
        this.problem = problem;
        this.seed = seed;
        this.evaluations = evaluations;
        this.store = store;
        this.listeners = List.copyOf(listeners);
        this.ledger = new TrialLedger(problem.budget(), problem.target());
        this.failures = new FailureStreak(maxConsecutiveFailures);
        List<Trial> stored = store.load();
        int replayed = Resume.replayed(stored);
        if (replayed < stored.size()) {
            store.truncate(replayed);
        }
        for (Trial trial : stored.subList(0, replayed)) {
            replay.put(trial.architecture(), trial);
            replayByIndex.put(trial.index(), trial);
        }
        this.budgets = budgets.resumedWith(problem.budget(), replayed);
    }

    @Override
    public SearchSpace space() {
        return problem.space();
    }

    @Override
    public CostModel costModel() {
        return problem.costModel();
    }

    @Override
    public TargetRange target() {
        return problem.target();
    }

    @Override
    public Budget budget() {
        return problem.budget();
    }

    @Override
    public Budget budgetAt(int trials) {
        return budgets.at(trials);
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
        return Optional.ofNullable(ledger.get(architecture));
    }

    @Override
    public int parallelism() {
        return Math.max(1, evaluations.capacity());
    }

    @Override
    public boolean budgetExhausted() {
        return ledger.exhausted();
    }

    /** The trials so far, in order. */
    public List<Trial> trials() {
        return ledger.trials();
    }

    /** Summed training seconds so far. */
    public double trainingSeconds() {
        return ledger.trainingSeconds();
    }

    @Override
    public List<Trial> evaluate(List<Candidate> candidates) {
        List<Trial> result = new ArrayList<>();
        throwIfStopped();
        if (budgetExhausted()) {
            return result;
        }
        Map<Architecture, Candidate> fresh = freshCandidates(candidates);
        boolean oneAtATime = evaluations.capacity() == 1;
        Map<Architecture, CompletableFuture<Trial>> running = oneAtATime ? Map.of() : start(fresh);
        try {
            for (Candidate candidate : candidates) {
                Trial known = ledger.get(candidate.architecture());
                if (known != null) {
                    result.add(known);
                    continue;
                }
                if (budgetExhausted()) {
                    break;
                }
                int index = ledger.next();
                Trial trial = oneAtATime ? replayOrEvaluate(candidate, index)
                        : awaitStoringWhatIsDone(candidate, running.get(candidate.architecture()));
                if (trial == null) {
                    break; // abandoned by a stop; later trials of the batch would come out of order
                }
                result.add(accept(trial.index() == index ? trial : renumber(trial, index)));
                if (oneAtATime) {
                    storePending();
                }
            }
        } finally {
            storePending();
            running.values().forEach(f -> f.cancel(true));
        }
        throwIfStopped();
        return result;
    }

    private void throwIfStopped() {
        if (stop.requested()) {
            throw new SearchStoppedException();
        }
    }

    /**
     * The next trial of a parallel batch. Trials that finished together are stored in one
     * transaction (one sync): the pending ones are stored before waiting for an evaluation still
     * running, so no finished trial waits for another to be stored, and all of them before
     * {@link #evaluate} returns, so before the strategy sees any of them.
     */
    private Trial awaitStoringWhatIsDone(Candidate candidate, CompletableFuture<Trial> running) {
        if (!running.isDone()) {
            storePending();
        }
        return await(candidate, ledger.next(), running);
    }

    private void storePending() {
        if (!pending.isEmpty()) {
            store.appendAll(List.copyOf(pending));
            pending.clear();
        }
    }

    /** New architectures of the batch, in order, no more than the evaluation budget has room for. */
    private Map<Architecture, Candidate> freshCandidates(List<Candidate> candidates) {
        Map<Architecture, Candidate> fresh = new LinkedHashMap<>();
        long room = ledger.room();
        for (Candidate candidate : candidates) {
            problem.space().validate(candidate.architecture());
            if (fresh.size() < room && ledger.get(candidate.architecture()) == null) {
                fresh.putIfAbsent(candidate.architecture(), candidate);
            }
        }
        return fresh;
    }

    private Map<Architecture, CompletableFuture<Trial>> start(Map<Architecture, Candidate> fresh) {
        Map<Architecture, CompletableFuture<Trial>> running = new HashMap<>();
        int index = ledger.next();
        for (Candidate candidate : fresh.values()) {
            requireReplayable(candidate, index);
            index++;
        }
        index = ledger.next();
        for (Candidate candidate : fresh.values()) {
            int trialIndex = index++;
            Trial stored = replay.get(candidate.architecture());
            if (stored != null) {
                running.put(candidate.architecture(), CompletableFuture.completedFuture(stored));
            } else {
                running.put(candidate.architecture(), evaluateLater(candidate, trialIndex));
            }
        }
        return running;
    }

    /**
     * Fails, before anything is evaluated, when {@code candidate} is new but a stored trial holds
     * its place {@code index}: the search no longer retraces the stored one, and evaluating it
     * would store two trials under one index.
     */
    private void requireReplayable(Candidate candidate, int index) {
        Trial stored = replayByIndex.get(index);
        if (stored != null && !replay.containsKey(candidate.architecture())) {
            throw mismatch("trial #" + index + " was " + problem.space().format(stored.architecture())
                    + ", and this search would train " + problem.space().format(candidate.architecture()) + " there");
        }
    }

    /** A resume whose search went another way than the stored trials, at {@code where}; nothing new was trained. */
    private static ResumeMismatchException mismatch(String where) {
        return new ResumeMismatchException("the stored trials do not match this search: " + where + ". Resume with "
                + "the same configuration and seed as the stored run. A strategy whose choices depend on the budget "
                + "(LayerNAS's sizing) retraces a run with another budget only from the budgets its trials were made "
                + "under; without them (a run directory without its budget history) resume with the budget it had. "
                + "The stored trials are kept.");
    }

    private Trial replayOrEvaluate(Candidate candidate, int index) {
        requireReplayable(candidate, index);
        Trial stored = replay.get(candidate.architecture());
        return stored != null ? stored : evaluateNow(candidate, index);
    }

    private Trial evaluateNow(Candidate candidate, int index) {
        return await(candidate, index, evaluateLater(candidate, index));
    }

    /**
     * The trial of {@code candidate} once the executor is done; cancelling it cancels the evaluation.
     * {@code null} when a stop kept it from starting or abandoned it.
     */
    private CompletableFuture<Trial> evaluateLater(Candidate candidate, int index) {
        if (stop.requested()) {
            return CompletableFuture.completedFuture(null);
        }
        double cost = problem.costModel().cost(candidate.architecture());
        CompletableFuture<Evaluations.Outcome> outcome = evaluations.start(candidate.architecture(), index,
                this::publish);
        CompletableFuture<Trial> trial = outcome.thenApply(o -> o.abandoned() ? null : new Trial(index,
                candidate.architecture(), candidate.layer(), candidate.bucket(), cost, o.status(), o.metrics(),
                o.failure(), o.wallSeconds(), o.attempts()));
        trial.whenComplete((t, e) -> {
            if (trial.isCancelled()) {
                outcome.cancel(true);
            }
        });
        return trial;
    }

    private Trial await(Candidate candidate, int index, CompletableFuture<Trial> trial) {
        return Evaluations.await(trial, failure -> new Trial(index, candidate.architecture(), candidate.layer(),
                candidate.bucket(), problem.costModel().cost(candidate.architecture()), TrialStatus.FAILED,
                null, failure, 0, 1));
    }

    private static Trial renumber(Trial trial, int index) {
        return new Trial(index, trial.architecture(), trial.layer(), trial.bucket(), trial.cost(), trial.status(),
                trial.metrics(), trial.failure(), trial.wallSeconds(), trial.attempts());
    }

    private Trial accept(Trial trial) {
        Trial replayed = replay.get(trial.architecture());
        if (replayed == null) {
            pending.add(trial);
        } else if (replayed.index() != trial.index()) {
            throw mismatch("trial #" + replayed.index() + " (" + problem.space().format(trial.architecture())
                    + ") comes at #" + trial.index() + " now");
        }
        ledger.add(trial);
        publish(new SearchEvent.TrialFinished(trial, ledger.next(), ledger.trainingSeconds(), ledger.best()));
        if (replayed == null) {
            failures.count(trial);
        } else {
            failures.replay(trial);
        }
        return trial;
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
