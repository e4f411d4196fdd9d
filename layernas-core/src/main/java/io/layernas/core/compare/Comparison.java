package io.layernas.core.compare;

import io.layernas.api.Evaluator;
import io.layernas.api.SearchResult;
import io.layernas.api.SearchStrategy;
import io.layernas.api.StopReason;
import io.layernas.api.Trial;
import io.layernas.core.InMemoryTrialStore;
import io.layernas.core.Problem;
import io.layernas.core.SearchRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs several strategies on one space and evaluator, each from the same seeds under the same
 * target and budget, and aggregates what they found: the experiment of the paper's Section 5.2
 * (100 runs per strategy, best-so-far accuracy against training time, the 25-75% band).
 *
 * <p>Each (strategy, seed) pair is one single-worker {@link SearchRun} with that seed; the pairs
 * run in parallel on {@code workers} threads. The result does not depend on the number of workers
 * or on the order runs finish in. Build with {@link #builder()}; a comparison can be run again.
 */
public final class Comparison {
    private final SearchRun.Builder template;
    private final Problem problem;
    private final Evaluator shared;
    private final Supplier<Evaluator> factory;
    private final Map<String, SearchStrategy> strategies;
    private final int seeds;
    private final long firstSeed;
    private final int workers;
    private final int gridPoints;
    private final Axis axis;
    private final Optimum optimum;
    private final Progress progress;
    private final FinishedRuns finishedRuns;
    private final Map<String, String> provenance;

    /** Copies every setting, the run template included, so the builder can change without touching this. */
    private Comparison(Builder builder) {
        this.template = builder.template.copy();
        this.problem = template.problem();
        this.shared = builder.shared;
        this.factory = builder.factory;
        this.strategies = Collections.unmodifiableMap(new LinkedHashMap<>(builder.strategies));
        this.seeds = builder.seeds;
        this.firstSeed = builder.firstSeed;
        this.workers = builder.workers;
        this.gridPoints = builder.gridPoints;
        this.axis = builder.axis;
        this.optimum = builder.optimum;
        this.progress = builder.progress;
        this.finishedRuns = builder.finishedRuns;
        this.provenance = Collections.unmodifiableMap(new LinkedHashMap<>(builder.provenance));
    }

    /**
     * A builder; defaults: 100 seeds from 0, one worker, 200 grid points, training-seconds axis. The
     * runs come from a template, {@link Builder#run}.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Runs every strategy from every seed and aggregates. */
    public ComparisonResult run() {
        List<RunCurve> runs = runAll();
        double[] grid = Aggregation.grid(axisEnd(runs), gridPoints);
        List<Curve> curves = new ArrayList<>();
        List<SummaryRow> summary = new ArrayList<>();
        for (String name : strategies.keySet()) {
            List<RunCurve> own = runs.stream().filter(r -> r.strategy().equals(name)).toList();
            curves.add(Aggregation.curve(name, Metric.VALID, axis, grid, own));
            curves.add(Aggregation.curve(name, Metric.TEST, axis, grid, own));
            summary.add(Aggregation.summary(name, own));
        }
        return new ComparisonResult(List.copyOf(strategies.keySet()), axis, grid, runs, curves,
                summary, optimum, provenance());
    }

    private List<RunCurve> runAll() {
        int total = strategies.size() * seeds;
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "layernas-comparison");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<RunCurve>> futures = new ArrayList<>();
            for (Map.Entry<String, SearchStrategy> strategy : strategies.entrySet()) {
                for (int i = 0; i < seeds; i++) {
                    long seed = firstSeed + i;
                    futures.add(pool.submit(() -> {
                        RunCurve curve = runOne(strategy.getKey(), strategy.getValue(), seed);
                        progress.runFinished(curve, done.incrementAndGet(), total);
                        return curve;
                    }));
                }
            }
            return collect(futures);
        } finally {
            pool.shutdownNow();
        }
    }

    private RunCurve runOne(String name, SearchStrategy strategy, long seed) throws Exception {
        Optional<List<Trial>> finished = finishedRuns.load(name, seed);
        if (finished.isPresent()) {
            return RunCurve.of(name, seed, finished.get(), problem.target(), problem.budget(), axis);
        }
        Evaluator evaluator = shared != null ? shared : factory.get();
        try {
            SearchResult result = template.copy().evaluator(evaluator).executor(null).strategy(strategy).seed(seed)
                    .workers(1).store(new InMemoryTrialStore()).build().run();
            if (result.stopReason() != StopReason.TOO_MANY_FAILURES) {
                // A run stopped by failures is run again on resume, once the cause is fixed.
                finishedRuns.save(name, seed, result.trials());
            }
            return RunCurve.of(name, seed, result.trials(), problem.target(), problem.budget(), axis);
        } catch (RuntimeException e) {
            throw new IllegalStateException("strategy '" + name + "' with seed " + seed + " failed: " + e.getMessage(), e);
        } finally {
            if (shared == null) {
                evaluator.close();
            }
        }
    }

    private static List<RunCurve> collect(List<Future<RunCurve>> futures) {
        List<RunCurve> runs = new ArrayList<>();
        try {
            for (Future<RunCurve> future : futures) {
                runs.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the comparison was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause.getMessage(), cause);
        }
        return runs;
    }

    /** The budget's seconds on a time axis with a time limit; else the longest run. */
    private double axisEnd(List<RunCurve> runs) {
        if (axis == Axis.TRAINING_SECONDS && Double.isFinite(problem.budget().maxTrainingSeconds())) {
            return problem.budget().maxTrainingSeconds();
        }
        double end = 0;
        for (RunCurve run : runs) {
            end = Math.max(end, axis == Axis.TRAINING_SECONDS ? run.trainingSeconds() : run.evaluations());
        }
        if (end <= 0) {
            throw new IllegalStateException("the runs report no training time, so curves against training seconds are "
                    + "empty. Give the evaluator a training time per trial, or use Axis.EVALUATIONS.");
        }
        return end;
    }

    private Map<String, String> provenance() {
        Map<String, String> all = new LinkedHashMap<>(provenance);
        all.putIfAbsent("space", problem.space().name());
        all.putIfAbsent("costUnit", problem.costModel().unit());
        all.putIfAbsent("target", problem.target().toString());
        all.putIfAbsent("budget", problem.budget().toString());
        all.putIfAbsent("seeds", firstSeed + ".." + (firstSeed + seeds - 1));
        all.putIfAbsent("strategies", String.join(",", strategies.keySet()));
        return all;
    }

    /** Called on a worker thread each time a run ends; must be thread-safe and fast. */
    @FunctionalInterface
    public interface Progress {
        /** Progress that ignores everything. */
        Progress NONE = (run, done, total) -> { };

        /** {@code run} ended; {@code done} of {@code total} runs have ended. */
        void runFinished(RunCurve run, int done, int total);
    }

    /** Settings of a comparison. Not thread-safe; build once. */
    public static final class Builder {
        private SearchRun.Builder template;
        private Evaluator shared;
        private Supplier<Evaluator> factory;
        private final Map<String, SearchStrategy> strategies = new LinkedHashMap<>();
        private int seeds = 100;
        private long firstSeed;
        private int workers = 1;
        private int gridPoints = 200;
        private Axis axis = Axis.TRAINING_SECONDS;
        private Optimum optimum;
        private Progress progress = Progress.NONE;
        private FinishedRuns finishedRuns = FinishedRuns.NONE;
        private final Map<String, String> provenance = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * The template of every run: its problem (space, cost model, target, and a budget, e.g.
         * {@code Budget.trainingSeconds(2e5)} as Table 4) and its failure settings. Each run is a
         * copy with its own strategy, seed, the comparison's evaluator (not the template's executor),
         * one worker and a fresh in-memory store; the template is copied when the comparison is built.
         */
        public Builder run(SearchRun.Builder runTemplate) {
            this.template = Objects.requireNonNull(runTemplate, "runTemplate").copy();
            return this;
        }

        /** One evaluator for all runs; it must be thread-safe when {@code workers > 1}. Not closed. */
        public Builder evaluator(Evaluator evaluator) {
            this.shared = Objects.requireNonNull(evaluator, "evaluator");
            this.factory = null;
            return this;
        }

        /** A fresh evaluator per run, closed when the run ends. */
        public Builder evaluatorFactory(Supplier<Evaluator> factory) {
            this.factory = Objects.requireNonNull(factory, "factory");
            this.shared = null;
            return this;
        }

        /** Adds a strategy under a unique name; the tables and curves list them in this order. */
        public Builder strategy(String name, SearchStrategy strategy) {
            Objects.requireNonNull(strategy, "strategy");
            if (Objects.requireNonNull(name, "name").isBlank() || name.matches("(?s).*[,\"\\n\\r].*")) {
                throw new IllegalArgumentException("strategy name '" + name + "' must be non-blank, without commas, "
                        + "quotes or line breaks (it becomes a CSV field)");
            }
            if (strategies.putIfAbsent(Objects.requireNonNull(name, "name"), strategy) != null) {
                throw new IllegalArgumentException("strategy name '" + name + "' is given twice; names must be unique");
            }
            return this;
        }

        /** Runs per strategy (default 100, as the paper's figures), seeds {@code firstSeed..+n-1}. */
        public Builder seeds(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("seeds (" + n + ") must be positive. Maybe you meant 100, the paper's?");
            }
            this.seeds = n;
            return this;
        }

        /** The first seed (default 0). */
        public Builder firstSeed(long seed) {
            this.firstSeed = seed;
            return this;
        }

        /** Runs at once (default 1); does not change the result. */
        public Builder workers(int workers) {
            if (workers < 1) {
                throw new IllegalArgumentException("workers (" + workers + ") must be at least 1");
            }
            this.workers = workers;
            return this;
        }

        /** Points of the common grid of the curves (default 200). */
        public Builder gridPoints(int points) {
            if (points < 1) {
                throw new IllegalArgumentException("gridPoints (" + points + ") must be positive. Maybe you meant 200?");
            }
            this.gridPoints = points;
            return this;
        }

        /** The x-axis of the curves (default training seconds). */
        public Builder axis(Axis axis) {
            this.axis = Objects.requireNonNull(axis, "axis");
            return this;
        }

        /** The optimum to show in the summary, e.g. from {@link Optimum#byEnumeration}. */
        public Builder optimum(Optimum optimum) {
            this.optimum = optimum;
            return this;
        }

        /** Receives each finished run. */
        public Builder progress(Progress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** Where finished runs are kept; runs found there are not run again (default: nowhere). */
        public Builder finishedRuns(FinishedRuns finishedRuns) {
            this.finishedRuns = Objects.requireNonNull(finishedRuns, "finishedRuns");
            return this;
        }

        /** Adds provenance (dataset, table checksum, settings) to the result. */
        public Builder provenance(Map<String, String> entries) {
            provenance.putAll(entries);
            return this;
        }

        /** The comparison. */
        public Comparison build() {
            Objects.requireNonNull(template, "run: give the runs' template, e.g. SearchRun.builder().problem(...)");
            template.problem();
            if (shared == null && factory == null) {
                throw new IllegalStateException("an evaluator or an evaluatorFactory is needed");
            }
            if (strategies.isEmpty()) {
                throw new IllegalStateException("no strategy to compare; add one with strategy(name, strategy)");
            }
            if (template.problem().budget().isUnlimited()) {
                throw new IllegalArgumentException("the budget is unlimited; a comparison needs a common limit, "
                        + "e.g. Budget.trainingSeconds(2e5) as the paper's Table 4");
            }
            return new Comparison(this);
        }
    }
}
