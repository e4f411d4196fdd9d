package io.layernas.core.layernas;

import io.layernas.api.Architecture;
import io.layernas.api.Candidate;
import io.layernas.api.SearchContext;
import io.layernas.api.SearchEvent;
import io.layernas.api.SearchStrategy;
import io.layernas.api.Trial;
import io.layernas.core.HeapLimit;
import io.layernas.core.Results;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * LayerNAS, Algorithm 1 of the paper: search layer by layer from the default architecture.
 *
 * <p>Searching layer {@code l}: select up to {@code R} distinct stored candidates of layer
 * {@code l-1} that still have children to generate (the root, whose children are layer 0's options,
 * for the first layer); from each, generate up to {@code T} children by applying options of layer
 * {@code l}, dropping without training those whose reachable cost range misses the target;
 * evaluate them; keep each in bucket {@code φ} (Eq. 4) of layer {@code l} if it is among the
 * {@code k} best there. A candidate whose children are all generated is marked exhausted. After
 * the last layer the search goes back to the first, and it stops when a whole cycle of layers finds
 * nothing to select, or the budget is spent. Stateless: each call of {@link #search} has its own state.
 *
 * <p>Beyond the paper (the {@linkplain Config#defaults() defaults}; {@link Config#paper()} is the
 * paper's exact behaviour): the search starts from the space's {@link
 * io.layernas.api.SearchSpace#searchStart() search start} (a connected cell where the default
 * options would leave it disconnected), each pass expands the {@code R = 4} most accurate
 * selectable candidates ({@link Policy#BEST}), children come in the order of a model of each
 * option's gain learned from the trials so far ({@link OptionGains}), and the last trainings go to
 * the last layer ({@link Sizing#FINISH}). Off in both: a warm start ({@link Config#warmStart()},
 * {@link WarmStart}) that first trains random in-target architectures and starts from the best of
 * them, and the other budget rule ({@link Sizing#BUDGET}, {@link BudgetSizing}).
 *
 * @param config the settings
 */
public record LayerNas(Config config) implements SearchStrategy {
    @Override
    public void search(SearchContext context) {
        Architecture start = config.fromSearchStart() ? context.space().searchStart()
                : context.space().defaultArchitecture();
        BudgetSizing sizing = new BudgetSizing(config, context::budgetAt);
        if (config.warmStart() > 0) {
            start = WarmStart.best(context, config.warmStart(), start, sizing::record);
        }
        Layerwise state = new Layerwise(context, config.bucketCount(), config.perBucket(), config.strictBound(), start);
        SplittableRandom random = context.random("layernas");
        OptionGains gains = config.learnedOrder() ? new OptionGains(context.space()) : null;
        int layers = state.layers();
        int idleLayers = 0;
        boolean lastLayerIdle = false;
        for (int pass = 0, layer = 0; idleLayers < layers && !context.budgetExhausted(); ) {
            if (!sizing.skips(layer, pass, layers, lastLayerIdle)) {
                context.publish(new SearchEvent.LayerStarted(layer, pass));
                boolean found = searchLayer(context, state, layer, random, gains, sizing);
                idleLayers = found ? 0 : idleLayers + 1;
                lastLayerIdle = layer == layers - 1 ? !found : lastLayerIdle;
            }
            if (++layer == layers) {
                layer = 0;
                pass++;
            }
        }
    }

    /** One pass over {@code layer}; false when there was nothing to select. */
    private boolean searchLayer(SearchContext context, Layerwise state, int layer, SplittableRandom random,
                                OptionGains gains, BudgetSizing sizing) {
        List<LayerStore.Entry> selectable = state.parents(layer, true);
        if (selectable.isEmpty()) {
            return false;
        }
        List<Candidate> batch = new ArrayList<>();
        Map<Candidate, Trial> parents = new IdentityHashMap<>();
        int selections = sizing.selections();
        int children = sizing.children();
        for (int r = 0; r < selections && !selectable.isEmpty() && !context.budgetExhausted(); r++) {
            List<Trial> choices = selectable.stream().map(LayerStore.Entry::trial).toList();
            LayerStore.Entry parent = selectable.remove(config.policy().select(layer, choices, random));
            int first = batch.size();
            generateChildren(state, parent, layer, random, batch, gains, children);
            batch.subList(first, batch.size()).forEach(child -> parents.put(child, parent.trial()));
            if (gains != null) {
                // The learned order learns from each parent's children before the next parent's.
                evaluate(context, state, layer, batch, parents, gains, sizing);
                batch.clear();
            }
        }
        // The batch depends only on costs and earlier results, so evaluating it at once (in
        // parallel) decides exactly what evaluating child by child would.
        evaluate(context, state, layer, batch, parents, gains, sizing);
        return true;
    }

    private static void evaluate(SearchContext context, Layerwise state, int layer, List<Candidate> batch,
                                 Map<Candidate, Trial> parents, OptionGains gains, BudgetSizing sizing) {
        if (batch.isEmpty()) {
            return;
        }
        List<Trial> trials = context.evaluate(batch);
        sizing.record(trials);
        for (int i = 0; i < trials.size(); i++) {
            Trial trial = trials.get(i);
            state.keep(trial, layer);
            if (gains != null && trial.succeeded()) {
                Trial parent = parents.get(batch.get(i));
                double base = parent.succeeded() ? parent.objective() : 0;
                gains.record(layer, trial.architecture().choice(layer), trial.objective() - base);
            }
        }
    }

    private void generateChildren(Layerwise state, LayerStore.Entry parent, int layer, SplittableRandom random,
                                  List<Candidate> batch, OptionGains gains, int children) {
        int valid = 0;
        while (valid < children && !state.exhausted(parent, layer)) {
            int baselineFirst = layer == 0 ? parent.remaining().indexOf(parent.trial().architecture().choice(0)) : -1;
            int pick = gains == null ? config.policy().nextChild(layer, parent.trial(), parent.remaining(), random)
                    : baselineFirst >= 0 ? baselineFirst : gains.next(layer, parent.remaining(), random);
            Candidate child = state.child(parent, layer, state.takeChild(parent, layer, pick));
            if (child != null) {
                batch.add(child);
                valid++;
            }
        }
    }

    /**
     * How a candidate is chosen among a layer's selectable ones, and which child comes next.
     * Implementations must be stateless and draw randomness only from the given source.
     */
    public interface Policy {
        /** Uniformly random selection and child order (baseline first), as in the paper's Appendix I example. */
        Policy RANDOM = (layer, selectable, random) -> random.nextInt(selectable.size());

        /** The most accurate selectable candidate first (earliest on ties); random child order. */
        Policy BEST = (layer, selectable, random) -> {
            int best = 0;
            for (int i = 1; i < selectable.size(); i++) {
                if (Results.BETTER_FIRST.compare(selectable.get(i), selectable.get(best)) < 0) {
                    best = i;
                }
            }
            return best;
        };

        /**
         * A softmax of the accuracies: candidate {@code i} with weight {@code exp((a_i - a_max) /
         * s)}, {@code s} the accuracies' standard deviation (uniform when they are all equal), so
         * the best is the likeliest and one a standard deviation below it has weight 1/e.
         */
        Policy SOFTMAX = (layer, selectable, random) -> {
            double best = Double.NEGATIVE_INFINITY;
            double sum = 0;
            double squares = 0;
            for (Trial trial : selectable) {
                best = Math.max(best, trial.objective());
                sum += trial.objective();
                squares += trial.objective() * trial.objective();
            }
            double mean = sum / selectable.size();
            double sd = Math.sqrt(Math.max(squares / selectable.size() - mean * mean, 0));
            if (!(sd > 0) || !Double.isFinite(sd)) {
                return random.nextInt(selectable.size());
            }
            double[] weights = new double[selectable.size()];
            double total = 0;
            for (int i = 0; i < weights.length; i++) {
                weights[i] = Math.exp((selectable.get(i).objective() - best) / sd);
                total += weights[i];
            }
            double u = random.nextDouble() * total;
            for (int i = 0; i < weights.length - 1; i++) {
                u -= weights[i];
                if (u < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        };

        /** The index in {@code selectable} of the candidate to expand next. */
        int select(int layer, List<Trial> selectable, SplittableRandom random);

        /**
         * The index in {@code remaining} (options of {@code layer}) of the next child of {@code parent}.
         * By default the first child of the first layer is the starting architecture itself, so a run
         * measures the space's baseline network first (when it can reach the target); other children
         * come in random order.
         */
        default int nextChild(int layer, Trial parent, List<Integer> remaining, SplittableRandom random) {
            int defaults = layer == 0 ? remaining.indexOf(parent.architecture().choice(0)) : -1;
            return defaults >= 0 ? defaults : random.nextInt(remaining.size());
        }
    }

    /**
     * Settings of Algorithm 1.
     *
     * @param bucketCount {@code H}, cost buckets per layer (paper: 100)
     * @param perBucket   {@code k}, candidates kept per bucket (paper's ImageNet runs: 3)
     * @param selections  {@code R}, distinct candidates selected per pass over a layer
     * @param children    {@code T}, children (not dropped) generated per selected candidate
     * @param policy      how candidates and children are chosen
     * @param strictBound when true, the candidates of one bucket generate at most
     *                    {@code k·(|S_{l+1}|-1)} children over the whole search, so trainings never
     *                    exceed the paper's {@code H·k·Σ|S_i|}, but a better candidate arriving in a
     *                    bucket that has used its allowance is not expanded; when false (the
     *                    default), it is, so that with enough budget the search reaches what
     *                    Algorithm 2 finds, at the price of some trainings beyond the bound
     * @param fromSearchStart when true, start from the space's {@code searchStart()} (a connected
     *                    cell); when false, from its default architecture, as the paper
     * @param learnedOrder when true, children come in the order of {@link OptionGains}; when
     *                    false, in the policy's order (random)
     * @param warmStart   random in-target architectures trained first, the best of which the
     *                    layerwise search starts from instead (0: none, as the paper)
     * @param sizing      how the budget shapes the search ({@link Sizing}): {@link Sizing#FINISH}
     *                    by default, {@link Sizing#FIXED} in the paper's preset
     */
    public record Config(int bucketCount, int perBucket, int selections, int children, Policy policy,
                         boolean strictBound, boolean fromSearchStart, boolean learnedOrder, int warmStart,
                         Sizing sizing) {
        public Config {
            Objects.requireNonNull(sizing, "sizing");
            if (warmStart < 0) {
                throw new IllegalArgumentException("warmStart (" + warmStart + ") must not be negative. "
                        + "Maybe you meant 0, no warm start?");
            }
            positive("bucketCount", bucketCount, "100, the paper's H");
            positive("perBucket", perBucket, "3, the paper's k");
            positive("selections", selections, "10");
            positive("children", children, "5");
            Objects.requireNonNull(policy, "policy");
            fitsInMemory(bucketCount, perBucket, HeapLimit.maxHeap());
        }

        /** Bytes one bucket of a memo table takes, empty: its list and its count of children. */
        static final long BUCKET_BYTES = 64;
        /** Bytes one kept candidate takes in a memo table, at most (the trial itself is shared). */
        static final long CANDIDATE_BYTES = 96;

        /**
         * Fails unless one layer's memo table, full ({@code H} buckets of {@code k} candidates),
         * fits in the heap ({@link HeapLimit}).
         */
        static void fitsInMemory(int bucketCount, int perBucket, long maxHeap) {
            double bytes = (double) bucketCount * (BUCKET_BYTES + (double) perBucket * CANDIDATE_BYTES);
            String settings = perBucket > bucketCount ? "perBucket (" + perBucket + ") with bucketCount ("
                    + bucketCount + ")" : "bucketCount (" + bucketCount + ") with perBucket (" + perBucket + ")";
            HeapLimit.check(settings, bytes, maxHeap, "per layer for the memo table",
                    "Lower them (the paper uses bucketCount 100, perBucket 3)");
        }

        /** These settings with R and T used as given, whatever the budget. */
        public Config(int bucketCount, int perBucket, int selections, int children, Policy policy,
                      boolean strictBound, boolean fromSearchStart, boolean learnedOrder, int warmStart) {
            this(bucketCount, perBucket, selections, children, policy, strictBound, fromSearchStart, learnedOrder,
                    warmStart, Sizing.FIXED);
        }

        /** These settings without a warm start. */
        public Config(int bucketCount, int perBucket, int selections, int children, Policy policy,
                      boolean strictBound, boolean fromSearchStart, boolean learnedOrder) {
            this(bucketCount, perBucket, selections, children, policy, strictBound, fromSearchStart, learnedOrder, 0);
        }

        /** The paper's behaviour with these settings: the default architecture, the policy's child order. */
        public Config(int bucketCount, int perBucket, int selections, int children, Policy policy,
                      boolean strictBound) {
            this(bucketCount, perBucket, selections, children, policy, strictBound, false, false);
        }

        /**
         * H = 100, k = 3, T = 5, no strict bound; beyond the paper: the space's search start, the
         * {@code R = 4} most accurate candidates selected per pass ({@link Policy#BEST}), the
         * learned child order and the last trainings on the last layer ({@link Sizing#FINISH}).
         */
        public static Config defaults() {
            return new Config(100, 3, 4, 5, Policy.BEST, false, true, true, 0, Sizing.FINISH);
        }

        /** The paper's behaviour (preset {@code paper}): H = 100, k = 3, R = 10, T = 5, random, default architecture. */
        public static Config paper() {
            return new Config(100, 3, 10, 5, Policy.RANDOM, false);
        }

        /** These settings with another policy. */
        public Config withPolicy(Policy newPolicy) {
            return new Config(bucketCount, perBucket, selections, children, newPolicy, strictBound, fromSearchStart,
                    learnedOrder, warmStart, sizing);
        }

        /** These settings with {@code count} candidates selected per pass ({@code R}). */
        public Config withSelections(int count) {
            return new Config(bucketCount, perBucket, count, children, policy, strictBound, fromSearchStart,
                    learnedOrder, warmStart, sizing);
        }

        /** These settings with the strict bound on or off. */
        public Config withStrictBound(boolean strict) {
            return new Config(bucketCount, perBucket, selections, children, policy, strict, fromSearchStart,
                    learnedOrder, warmStart, sizing);
        }

        /** These settings with another {@link Sizing}. */
        public Config withSizing(Sizing newSizing) {
            return new Config(bucketCount, perBucket, selections, children, policy, strictBound, fromSearchStart,
                    learnedOrder, warmStart, newSizing);
        }

        /** These settings with {@code count} random architectures trained first (0: none). */
        public Config withWarmStart(int count) {
            return new Config(bucketCount, perBucket, selections, children, policy, strictBound, fromSearchStart,
                    learnedOrder, count, sizing);
        }

        private static void positive(String name, int value, String suggestion) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " (" + value + ") must be positive. Maybe you meant "
                        + suggestion + "?");
            }
        }
    }
}
