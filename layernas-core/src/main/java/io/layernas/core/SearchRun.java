package io.layernas.core;

import io.layernas.api.Budget;
import io.layernas.api.CandidateExecutor;
import io.layernas.api.CostModel;
import io.layernas.api.Evaluator;
import io.layernas.api.SearchEvent;
import io.layernas.api.SearchListener;
import io.layernas.api.SearchResult;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchStrategy;
import io.layernas.api.StopReason;
import io.layernas.api.TargetRange;
import io.layernas.api.TrialStore;
import io.layernas.core.internal.DefaultSearchContext;
import io.layernas.core.internal.Evaluations;
import io.layernas.core.internal.SearchStoppedException;
import io.layernas.core.internal.Stop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One search: a strategy over a space, priced by a cost model, judged by an evaluator, within a
 * target and a budget, from one seed. Build it with {@link #builder()} and call {@link #run()}.
 *
 * <p>Same seed and same settings give the same trials in the same order, whatever the number of
 * workers. With a {@link TrialStore} that already holds trials of an interrupted run with the same
 * settings, {@link #run()} replays those trials instead of evaluating them and continues from there.
 *
 * <p>{@link #stop} ends a run early and in order, from any thread (a signal handler): no evaluation
 * starts after it, and the running ones finish or are abandoned. With the local executor,
 * {@link #run()} returns only once every evaluating thread has returned, so the process may exit
 * safely right after it.
 */
public final class SearchRun {
    private final Problem problem;
    private final Evaluator evaluator;
    private final SearchStrategy strategy;
    private final long seed;
    private final int workers;
    private final int retries;
    private final int maxConsecutiveFailures;
    private final Duration timeout;
    private final CandidateExecutor executor;
    private final TrialStore store;
    private final BudgetHistory budgets;
    private final List<SearchListener> listeners;
    private final Stop stop = new Stop();

    /** Copies every setting, so the builder can change or build again without touching this run. */
    private SearchRun(Builder builder) {
        this.problem = builder.problem();
        this.evaluator = builder.evaluator;
        this.strategy = builder.strategy;
        this.seed = builder.seed;
        this.workers = builder.workers;
        this.retries = builder.retries;
        this.maxConsecutiveFailures = builder.maxConsecutiveFailures;
        this.timeout = builder.timeout;
        this.executor = builder.executor;
        this.store = builder.store;
        this.budgets = builder.budgets != null ? builder.budgets : BudgetHistory.of(problem.budget());
        this.listeners = List.copyOf(builder.listeners);
    }

    /** A builder with defaults: unlimited target and budget, seed 0, one worker, no retries. */
    public static Builder builder() {
        return new Builder();
    }

    /** What this run searches. */
    public Problem problem() {
        return problem;
    }

    /**
     * Asks the run to stop: no evaluation starts after this call, and {@link #run()} returns the
     * trials made so far with {@link StopReason#INTERRUPTED}. Running evaluations finish and are
     * kept, or, with {@code abandonRunning}, are told to give up ({@link
     * io.layernas.api.EvaluationMonitor#cancelled()}) and are not recorded: a resumed run evaluates
     * them again. Thread-safe; a second call may turn finishing into abandoning, never back.
     */
    public void stop(boolean abandonRunning) {
        stop.request(abandonRunning);
    }

    /**
     * Runs the search to its end. Returns when the strategy has nothing left to try, the budget
     * is spent or too many trials failed in a row ({@link SearchResult#stopReason()} says which).
     */
    public SearchResult run() {
        CandidateExecutor running = executor != null ? executor : new LocalExecutor(evaluator, workers);
        try {
            Evaluations evaluations = new Evaluations(problem.space(), running, store.journal(), seed, retries, timeout,
                    stop);
            DefaultSearchContext context = new DefaultSearchContext(problem, seed, evaluations, store, budgets, listeners,
                    maxConsecutiveFailures, stop);
            StopReason reason;
            String abort = null;
            try {
                strategy.search(context);
                reason = context.budgetExhausted() ? StopReason.BUDGET_EXHAUSTED : StopReason.COMPLETED;
            } catch (SearchAbortedException e) {
                stop.request(true);
                reason = StopReason.TOO_MANY_FAILURES;
                abort = e.getMessage();
            } catch (SearchStoppedException e) {
                reason = StopReason.INTERRUPTED;
            }
            if (executor == null) {
                running.close(); // waits for running evaluations: none is left when listeners hear of the end
            }
            SearchResult result = result(context, reason, abort);
            context.publish(new SearchEvent.SearchFinished(result));
            return result;
        } catch (RuntimeException | Error e) {
            stop.request(true); // the search failed: abandon what still runs, and wait for it below
            throw e;
        } finally {
            if (executor == null) {
                running.close();
            }
        }
    }

    private SearchResult result(DefaultSearchContext context, StopReason reason, String abort) {
        return new SearchResult(Results.best(context.trials(), problem.target()), Results.front(context.trials()),
                context.trials(), context.trainingSeconds(), reason, abort, problem.target(), problem.costModel().unit());
    }

    /**
     * Settings of a run: a template that {@link #build()} copies, so one builder can make many runs
     * (a comparison builds one per strategy and seed from a {@link #copy()}). Not thread-safe.
     */
    public static final class Builder {
        private SearchSpace space;
        private CostModel costModel;
        private Evaluator evaluator;
        private SearchStrategy strategy;
        private TargetRange target = TargetRange.unconstrained();
        private Budget budget = Budget.unlimited();
        private long seed;
        private int workers = 1;
        private int retries;
        private int maxConsecutiveFailures = 20;
        private Duration timeout;
        private CandidateExecutor executor;
        private TrialStore store = new InMemoryTrialStore();
        private BudgetHistory budgets;
        private final List<SearchListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** A builder with the same settings and listeners, changed independently of this one. */
        public Builder copy() {
            Builder copy = new Builder();
            copy.space = space;
            copy.costModel = costModel;
            copy.evaluator = evaluator;
            copy.strategy = strategy;
            copy.target = target;
            copy.budget = budget;
            copy.seed = seed;
            copy.workers = workers;
            copy.retries = retries;
            copy.maxConsecutiveFailures = maxConsecutiveFailures;
            copy.timeout = timeout;
            copy.executor = executor;
            copy.store = store;
            copy.budgets = budgets;
            copy.listeners.addAll(listeners);
            return copy;
        }

        /** The problem: space, cost model, target and budget at once. */
        public Builder problem(Problem problem) {
            this.space = problem.space();
            this.costModel = problem.costModel();
            this.target = problem.target();
            this.budget = problem.budget();
            return this;
        }

        /** The problem set so far; fails when the space or the cost model is missing. */
        public Problem problem() {
            Objects.requireNonNull(space, "space");
            Objects.requireNonNull(costModel, "costModel");
            return new Problem(space, costModel, target, budget);
        }

        /** The space to search. */
        public Builder space(SearchSpace space) {
            this.space = space;
            return this;
        }

        /** The cost model that defines cost and the target's unit. */
        public Builder costModel(CostModel costModel) {
            this.costModel = costModel;
            return this;
        }

        /** The evaluator. */
        public Builder evaluator(Evaluator evaluator) {
            this.evaluator = evaluator;
            return this;
        }

        /** The strategy. */
        public Builder strategy(SearchStrategy strategy) {
            this.strategy = strategy;
            return this;
        }

        /** The cost range the result must land in. */
        public Builder target(TargetRange target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        /** The budget. */
        public Builder budget(Budget budget) {
            this.budget = Objects.requireNonNull(budget, "budget");
            return this;
        }

        /** The run's seed. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Evaluations run at once (at least 1); does not change what the search decides. */
        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1, was " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** Further attempts after a failed evaluation (0 = none). */
        public Builder retries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("retries must be >= 0, was " + retries);
            }
            this.retries = retries;
            return this;
        }

        /** Failed trials in a row that stop the run (at least 1). */
        public Builder maxConsecutiveFailures(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxConsecutiveFailures must be at least 1, was " + n);
            }
            this.maxConsecutiveFailures = n;
            return this;
        }

        /** Most time one evaluation attempt may take; {@code null} for no limit. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /**
         * Where candidates are evaluated; the caller closes it. Without one the run evaluates with the
         * evaluator on {@link #workers} threads of this JVM ({@link LocalExecutor}); with one, the
         * executor alone decides how many attempts run at once.
         */
        public Builder executor(CandidateExecutor executor) {
            this.executor = executor;
            return this;
        }

        /** Where trials are kept; a store holding an interrupted run's trials resumes it. */
        public Builder store(TrialStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * The budgets the store's trials were made under, for a run resumed with another budget
         * than it had ({@link BudgetHistory}); the run's own budget applies from the first trial it
         * does not replay. Without it, every stored trial counts as made under the run's budget.
         */
        public Builder budgetHistory(BudgetHistory budgets) {
            this.budgets = Objects.requireNonNull(budgets, "budgets");
            return this;
        }

        /** Adds a listener of events. */
        public Builder listener(SearchListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** The run. */
        public SearchRun build() {
            problem();
            if (executor == null) {
                Objects.requireNonNull(evaluator, "evaluator");
            }
            Objects.requireNonNull(strategy, "strategy");
            return new SearchRun(this);
        }
    }
}
