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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One search: a strategy over a space, priced by a cost model, judged by an evaluator, within a
 * target and a budget, from one seed. Build it with {@link #builder()} and call {@link #run()}.
 *
 * <p>Same seed and same settings give the same trials in the same order, whatever the number of
 * workers. With a {@link TrialStore} that already holds trials of an interrupted run with the same
 * settings, {@link #run()} replays those trials instead of evaluating them and continues from there.
 */
public final class SearchRun {
    private final Builder settings;

    private SearchRun(Builder settings) {
        this.settings = settings;
    }

    /** A builder with defaults: unlimited target and budget, seed 0, one worker, no retries. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the search to its end. Returns when the strategy has nothing left to try, the budget
     * is spent or too many trials failed in a row ({@link SearchResult#stopReason()} says which).
     */
    public SearchResult run() {
        CandidateExecutor executor = settings.executor != null ? settings.executor
                : new LocalExecutor(settings.evaluator, settings.workers);
        try {
            Evaluations evaluations = new Evaluations(settings.space, executor, settings.store.journal(),
                    settings.seed, settings.retries, settings.timeout);
            DefaultSearchContext context = new DefaultSearchContext(settings.space, settings.costModel,
                    settings.target, settings.budget, settings.seed, evaluations, settings.store,
                    settings.listeners, settings.maxConsecutiveFailures);
            StopReason reason;
            String abort = null;
            try {
                settings.strategy.search(context);
                reason = context.budgetExhausted() ? StopReason.BUDGET_EXHAUSTED : StopReason.COMPLETED;
            } catch (SearchAbortedException e) {
                reason = StopReason.TOO_MANY_FAILURES;
                abort = e.getMessage();
            }
            SearchResult result = result(context, reason, abort);
            context.publish(new SearchEvent.SearchFinished(result));
            return result;
        } finally {
            if (settings.executor == null) {
                executor.close();
            }
        }
    }

    private SearchResult result(DefaultSearchContext context, StopReason reason, String abort) {
        Map<String, String> provenance = new LinkedHashMap<>(settings.provenance);
        provenance.putIfAbsent("seed", Long.toString(settings.seed));
        provenance.putIfAbsent("space", settings.space.name());
        provenance.putIfAbsent("target", "[" + settings.target.low() + ", " + settings.target.high() + "]");
        provenance.putIfAbsent("costUnit", settings.costModel.unit());
        if (abort != null) {
            provenance.put("abortReason", abort);
        }
        return new SearchResult(Results.best(context.trials(), settings.target), Results.front(context.trials()),
                context.trials(), context.trainingSeconds(), reason, provenance);
    }

    /** Settings of a run. Not thread-safe; build once. */
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
        private final List<SearchListener> listeners = new ArrayList<>();
        private final Map<String, String> provenance = new LinkedHashMap<>();

        private Builder() {
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

        /** Adds a listener of events. */
        public Builder listener(SearchListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Adds provenance (resolved settings, plugin versions, checksums) to the result. */
        public Builder provenance(Map<String, String> entries) {
            provenance.putAll(entries);
            return this;
        }

        /** The run. */
        public SearchRun build() {
            Objects.requireNonNull(space, "space");
            Objects.requireNonNull(costModel, "costModel");
            if (executor == null) {
                Objects.requireNonNull(evaluator, "evaluator");
            }
            Objects.requireNonNull(strategy, "strategy");
            return new SearchRun(this);
        }
    }
}
