package io.layernas.bench;

import io.layernas.api.Candidate;
import io.layernas.api.CostModel;
import io.layernas.api.Evaluator;
import io.layernas.api.Metrics;
import io.layernas.api.SearchContext;
import io.layernas.api.SearchResult;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchStrategy;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.bench.paper.NatsTopologyComparison;
import io.layernas.cli.plugins.PluginKind;
import io.layernas.cli.plugins.PluginRegistry;
import io.layernas.cli.wiring.Plugins;
import io.layernas.core.SearchRun;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * How busy a pool of workers stays, by discrete-event simulation, and what keeping it busy costs
 * in search quality, on the NATS-Bench topology table (CIFAR-10, validation accuracy searched, test
 * accuracy reported, target: at most half the largest cell's FLOPs, 300 trainings per run).
 *
 * <p>Each run is made for real (accuracies looked up in the table) with a strategy wrapper that
 * records the batches the strategy hands to {@link SearchContext#evaluate}: the run waits for a
 * whole batch before it goes on, whatever executor evaluates it. The context reports the worker
 * pool's parallelism ({@link #POOL_CAPACITY}, the {@code workers} executor's default
 * {@code capacity}), so random search hands over batches as it does on a real pool. The batches
 * are then replayed on
 * {@code W} simulated workers that take tasks first come, first served (as {@code layernas worker}
 * claims them), a task lasting {@code 0.25 + 0.75 · cost / max cost} time units, so training time
 * grows with the candidate's FLOPs. Utilization = busy worker time / (W · makespan). Several runs
 * at once share one pool, as several runs share the workers of one PostgreSQL store.
 *
 * <p>Args: the data directory (holding {@code natsbench-tss/nats-tss-200ep.csv}) and the number of
 * seeds (100). Prints Markdown.
 */
public final class UtilizationReport {
    private static final int BUDGET = 300;
    private static final Plugins PLUGINS = new Plugins(PluginRegistry.fromClassPath());
    private static final int[] WORKERS = {4, 16, 64};
    /** What {@link SearchContext#parallelism()} reports: the {@code workers} executor's default capacity. */
    static final int POOL_CAPACITY = 10_000;

    private final SearchSpace space;
    private final CostModel flops;
    private final Evaluator table;
    private final TargetRange target;
    private final double maxCost;

    private UtilizationReport(Path data) {
        space = PLUGINS.space(Plugins.choice(PluginKind.SPACE, "nats-tss", Map.of("dataset", "cifar10")));
        flops = PLUGINS.costModel(Plugins.choice(PluginKind.COST_MODEL, "nats-flops", Map.of()), space);
        table = PLUGINS.evaluator(Plugins.choice(PluginKind.EVALUATOR, "table", Map.of("path",
                NatsTopologyComparison.table(data).toString(), "metric", "valid", "secondsPerTrial", 1000)), space);
        maxCost = flops.range(space.defaultArchitecture(), 0, space.layerCount()).max();
        target = new TargetRange(0, maxCost / 2);
    }

    /** Prints the tables. */
    public static void main(String[] args) throws Exception {
        ReportArgs arguments = new ReportArgs(args);
        Path data = Path.of(arguments.stringAt(0, "../shared/data"));
        int seeds = arguments.intAt(1, 100);
        UtilizationReport report = new UtilizationReport(data);
        report.print(seeds);
    }

    private void print(int seeds) {
        Map<String, Map<String, ?>> strategies = new LinkedHashMap<>();
        strategies.put("layernas, defaults (best R=4, T=5, learned child order: one parent's children at a time)",
                layernas(4, "learned", "best"));
        strategies.put("layernas, softmax R=10 (the defaults until 2026-11-30)", layernas(10, "learned", "softmax"));
        strategies.put("layernas, childOrder: random (one pass at a time, best R=4)", layernas(4, "random", "best"));
        strategies.put("layernas, childOrder: random, softmax R=10", layernas(10, "random", "softmax"));
        strategies.put("layernas, childOrder: random, softmax, R = 4W/T for W=16 (R=13)", layernas(13, "random",
                "softmax"));
        strategies.put("layernas, childOrder: random, softmax, R = 4W/T for W=64 (R=52)", layernas(52, "random",
                "softmax"));
        strategies.put("random", Map.of("strategy", "random"));
        strategies.put("evolution", Map.of("strategy", "evolution"));
        System.out.println("| strategy | test accuracy % (mean ± std) | runs with a result in target | batches per run"
                + " | busy, W=4 | W=16 | W=64 | W=16, 4 runs at once | W=64, 16 runs at once | W=64, 64 runs at once |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        strategies.forEach((label, settings) -> row(label, settings, seeds));
    }

    private static Map<String, ?> layernas(int selections, String childOrder, String policy) {
        return Map.of("strategy", "layernas", "bucketCount", 100, "perBucket", 3, "selections", selections,
                "children", 5, "childOrder", childOrder, "policy", policy);
    }

    private void row(String label, Map<String, ?> settings, int seeds) {
        List<List<List<Double>>> runs = new ArrayList<>();
        double sum = 0;
        double squares = 0;
        int found = 0;
        for (int seed = 0; seed < seeds; seed++) {
            List<List<Double>> batches = new ArrayList<>();
            SearchStrategy strategy = PLUGINS.strategy(Plugins.choice(PluginKind.STRATEGY,
                    (String) settings.get("strategy"), without(settings)));
            SearchResult result = run(strategy, seed, batches);
            runs.add(batches);
            if (result.bestTrial().isPresent()) {
                double test = result.bestTrial().get().metrics().value(Metrics.TEST_ACCURACY, Double.NaN);
                sum += test;
                squares += test * test;
                found++;
            }
        }
        double mean = sum / found;
        double std = Math.sqrt(Math.max(0, squares / found - mean * mean));
        double batches = runs.stream().mapToInt(List::size).average().orElse(0);
        StringBuilder line = new StringBuilder(String.format("| %s | %.2f ± %.2f | %d/%d | %.0f |", label,
                100 * mean, 100 * std, found, seeds, batches));
        for (int workers : WORKERS) {
            line.append(String.format(" %.0f%% |", 100 * mean(runs, workers, 1)));
        }
        line.append(String.format(" %.0f%% | %.0f%% | %s |", 100 * mean(runs, 16, 4), 100 * mean(runs, 64, 16),
                runs.size() >= 64 ? String.format("%.0f%%", 100 * mean(runs, 64, 64)) : "n/a"));
        System.out.println(line);
    }

    private static Map<String, Object> without(Map<String, ?> settings) {
        Map<String, Object> rest = new LinkedHashMap<>(settings);
        rest.remove("strategy");
        return rest;
    }

    /** Mean utilization over the runs, taken {@code together} at a time on one pool of {@code workers}. */
    private static double mean(List<List<List<Double>>> runs, int workers, int together) {
        double total = 0;
        int groups = 0;
        for (int first = 0; first + together <= runs.size(); first += together) {
            total += utilization(runs.subList(first, first + together), workers);
            groups++;
        }
        return total / groups;
    }

    private SearchResult run(SearchStrategy strategy, long seed, List<List<Double>> batches) {
        SearchStrategy recording = context -> strategy.search(new Recording(context, batches, this::duration));
        return SearchRun.builder().space(space).costModel(flops).evaluator(table).strategy(recording).target(target)
                .budget(new io.layernas.api.Budget(BUDGET, Double.POSITIVE_INFINITY)).seed(seed).build().run();
    }

    private double duration(double cost) {
        return 0.25 + 0.75 * cost / maxCost;
    }

    /**
     * Runs {@code runs} at once on {@code workers}: every run queues its next batch when its last
     * one is done; a free worker takes the oldest queued task. Returns busy time / (workers · makespan).
     */
    static double utilization(List<List<List<Double>>> runs, int workers) {
        record Task(int run, double duration) {
        }
        record Finish(double time, int run) {
        }
        Deque<Task> queue = new ArrayDeque<>();
        PriorityQueue<Finish> running = new PriorityQueue<>((a, b) -> Double.compare(a.time(), b.time()));
        int[] next = new int[runs.size()];
        int[] left = new int[runs.size()];
        for (int run = 0; run < runs.size(); run++) {
            left[run] = enqueue(runs.get(run), next[run]++, run, queue, Task::new);
        }
        double now = 0;
        double busy = 0;
        int idle = workers;
        while (true) {
            while (idle > 0 && !queue.isEmpty()) {
                Task task = queue.poll();
                idle--;
                busy += task.duration();
                running.add(new Finish(now + task.duration(), task.run()));
            }
            Finish finish = running.poll();
            if (finish == null) {
                break;
            }
            now = finish.time();
            idle++;
            int run = finish.run();
            left[run]--;
            while (left[run] == 0 && next[run] < runs.get(run).size()) {
                left[run] = enqueue(runs.get(run), next[run]++, run, queue, Task::new);
            }
        }
        return now == 0 ? 1 : busy / (workers * now);
    }

    private static <T> int enqueue(List<List<Double>> batches, int index, int run, Deque<T> queue,
                                   java.util.function.BiFunction<Integer, Double, T> task) {
        List<Double> batch = index < batches.size() ? batches.get(index) : List.of();
        batch.forEach(duration -> queue.add(task.apply(run, duration)));
        return batch.size();
    }

    /** A context that records, per call of {@link #evaluate}, the durations of the candidates it trained. */
    private static final class Recording implements SearchContext {
        private final SearchContext delegate;
        private final List<List<Double>> batches;
        private final java.util.function.DoubleUnaryOperator duration;
        private int trained;

        Recording(SearchContext delegate, List<List<Double>> batches, java.util.function.DoubleUnaryOperator duration) {
            this.delegate = delegate;
            this.batches = batches;
            this.duration = duration;
        }

        @Override
        public List<Trial> evaluate(List<Candidate> candidates) {
            List<Trial> trials = delegate.evaluate(candidates);
            List<Double> batch = new ArrayList<>();
            for (Trial trial : trials) {
                if (trial.index() >= trained) {
                    batch.add(duration.applyAsDouble(trial.cost()));
                }
            }
            trained += batch.size();
            if (!batch.isEmpty()) {
                batches.add(batch);
            }
            return trials;
        }

        @Override
        public SearchSpace space() {
            return delegate.space();
        }

        @Override
        public CostModel costModel() {
            return delegate.costModel();
        }

        @Override
        public TargetRange target() {
            return delegate.target();
        }

        @Override
        public io.layernas.api.Budget budget() {
            return delegate.budget();
        }

        @Override
        public long seed() {
            return delegate.seed();
        }

        @Override
        public java.util.SplittableRandom random(String component) {
            return delegate.random(component);
        }

        @Override
        public java.util.Optional<Trial> find(io.layernas.api.Architecture architecture) {
            return delegate.find(architecture);
        }

        @Override
        public boolean budgetExhausted() {
            return delegate.budgetExhausted();
        }

        @Override
        public int parallelism() {
            return POOL_CAPACITY;
        }

        @Override
        public void publish(io.layernas.api.SearchEvent event) {
            delegate.publish(event);
        }
    }
}
