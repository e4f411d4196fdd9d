package io.layernas.core.layernas;

import io.layernas.api.Architecture;
import io.layernas.api.Candidate;
import io.layernas.api.CostModel;
import io.layernas.api.CostRange;
import io.layernas.api.SearchContext;
import io.layernas.api.SearchEvent;
import io.layernas.api.SearchSpace;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The state LayerNAS's two algorithms share: one {@link LayerStore} per layer, the root, and the
 * rules that place, drop and carry candidates. Owned by one search; not thread-safe.
 *
 * <p>A candidate searched at layer {@code l} is {@code (s_1..s_l, o_{l+1..L})}; since applying the
 * default option of a later layer gives the same architecture, a trial kept at layer {@code l} is
 * also offered to every later layer's store (the paper's Appendix I lists ADD among the 2nd and
 * 3rd layer's candidates). The last layer's buckets span only the target range, as in Appendix I
 * ("3rd layer: only stores [8M, 9M]").
 */
public final class Layerwise {
    private final SearchContext context;
    private final SearchSpace space;
    private final CostModel costs;
    private final TargetRange target;
    private final List<LayerStore> stores = new ArrayList<>();
    private final LayerStore.Entry root;
    private final Architecture start;

    /**
     * Builds empty stores of {@code buckets} x {@code perBucket} for every layer.
     *
     * @param strictBound when true, the entries of one bucket generate at most
     *                    {@code perBucket·(|S_{l+1}| - 1)} children in all, which keeps the number of
     *                    trainings within the paper's {@code H·k·Σ|S_i|} even when better candidates
     *                    replace partly expanded ones
     */
    public Layerwise(SearchContext context, int buckets, int perBucket, boolean strictBound) {
        this(context, buckets, perBucket, strictBound, context.space().defaultArchitecture());
    }

    /**
     * As {@link #Layerwise(SearchContext, int, int, boolean)}, starting from {@code start} instead of
     * the space's default architecture: its option of each layer is the one an unsearched layer keeps.
     */
    public Layerwise(SearchContext context, int buckets, int perBucket, boolean strictBound, Architecture start) {
        this.context = context;
        this.space = context.space();
        this.costs = context.costModel();
        this.target = context.target();
        this.start = start;
        Architecture defaults = start;
        int layers = space.layerCount();
        for (int l = 0; l < layers; l++) {
            CostRange range = costs.range(defaults, 0, l + 1);
            if (l == layers - 1) {
                range = clip(range, target);
            }
            int nextOptions = l + 1 < layers ? space.layers().get(l + 1).size() - 1 : 0;
            int allowance = (int) Math.min(Integer.MAX_VALUE, (long) perBucket * nextOptions);
            stores.add(new LayerStore(l, range, buckets, perBucket, strictBound ? allowance : Integer.MAX_VALUE));
        }
        this.root = LayerStore.Entry.root(defaults, options(0, true));
    }

    private static CostRange clip(CostRange range, TargetRange target) {
        double low = Math.max(range.min(), target.low());
        double high = Math.min(range.max(), target.high());
        return low <= high ? new CostRange(low, high) : range;
    }

    /** Number of layers. */
    public int layers() {
        return stores.size();
    }

    /** The parents whose children are searched at {@code layer}: the root for layer 0. */
    public List<LayerStore.Entry> parents(int layer, boolean onlySelectable) {
        if (layer == 0) {
            return root.allChildrenGenerated() && onlySelectable ? new ArrayList<>() : new ArrayList<>(List.of(root));
        }
        LayerStore previous = stores.get(layer - 1);
        return onlySelectable ? previous.selectable() : previous.entries();
    }

    /**
     * The child of {@code parent} with {@code option} at {@code layer}, as a candidate, or
     * {@code null} when no completion of it can meet the target (it is dropped, with an event).
     */
    public Candidate child(LayerStore.Entry parent, int layer, int option) {
        Architecture child = parent.trial().architecture().with(layer, option);
        CostRange reachable = costs.range(child, layer + 1, space.layerCount());
        double cost = costs.cost(child);
        if (!target.reachableFrom(reachable)) {
            context.publish(new SearchEvent.CandidateDropped(child, layer, cost, reachable));
            return null;
        }
        return new Candidate(child, layer, stores.get(layer).bucketOf(cost));
    }

    /** True when {@code parent} (a parent of {@code layer}) has no child left to generate. */
    public boolean exhausted(LayerStore.Entry parent, int layer) {
        return layer == 0 ? parent.allChildrenGenerated() : stores.get(layer - 1).exhausted(parent);
    }

    /**
     * Takes the option at {@code index} of the parent's remaining options of {@code layer}; the
     * caller must have checked {@link #exhausted}.
     */
    public int takeChild(LayerStore.Entry parent, int layer, int index) {
        int option = layer == 0 ? parent.takeRootChild(index) : stores.get(layer - 1).takeChild(parent, index);
        if (exhausted(parent, layer) && parent.layer() >= 0) {
            context.publish(new SearchEvent.CandidateExhausted(parent.trial().architecture(), parent.layer()));
        }
        return option;
    }

    /** Keeps a successful trial generated at {@code layer} in that store and every later one it can reach. */
    public void keep(Trial trial, int layer) {
        if (!trial.succeeded()) {
            return;
        }
        int last = lastLayerReachingTarget(trial, layer);
        for (int l = layer; l <= last; l++) {
            stores.get(l).offer(trial, options(l + 1, false));
        }
    }

    /**
     * The last layer from {@code first} on whose store the trial can still reach the target from,
     * or {@code first - 1}. Fixing more layers only narrows the reachable range, and every range
     * holds the trial's own cost: an in-target trial reaches the target from every layer, and
     * otherwise reaching it is monotone in the layer, so a binary search needs O(log L) ranges.
     */
    private int lastLayerReachingTarget(Trial trial, int first) {
        int last = stores.size() - 1;
        if (target.contains(trial.cost())) {
            return last;
        }
        if (!reachesFrom(trial, first)) {
            return first - 1;
        }
        int low = first;
        while (low < last) {
            int middle = (low + last + 1) >>> 1;
            if (reachesFrom(trial, middle)) {
                low = middle;
            } else {
                last = middle - 1;
            }
        }
        return low;
    }

    private boolean reachesFrom(Trial trial, int layer) {
        return target.reachableFrom(costs.range(trial.architecture(), layer + 1, space.layerCount()));
    }

    /** Options of {@code layer} a parent generates: all for the root, all but the start's otherwise. */
    private List<Integer> options(int layer, boolean includeDefault) {
        if (layer >= space.layerCount()) {
            return List.of();
        }
        int kept = start.choice(layer);
        return IntStream.range(0, space.layers().get(layer).size()).filter(o -> includeDefault || o != kept).boxed()
                .toList();
    }
}
