package io.layernas.core.layernas;

import io.layernas.api.Architecture;
import io.layernas.api.CostRange;
import io.layernas.api.Trial;
import io.layernas.core.Buckets;
import io.layernas.core.Results;
import java.util.ArrayList;
import java.util.List;

/**
 * The memo table {@code M_l} of one layer: {@code H} cost buckets (Eq. 4 over the layer's cost
 * range), each keeping the {@code k} best candidates. Not thread-safe; owned by one search.
 */
public final class LayerStore {
    private final int layer;
    private final CostRange range;
    private final List<List<Entry>> buckets;
    private final int[] childrenGenerated;
    private final int perBucket;
    private final int childAllowance;

    /**
     * @param layer     0-based layer
     * @param range     the cost range Eq. 4 spans for this layer
     * @param buckets   {@code H}
     * @param perBucket {@code k}
     * @param childAllowance most children the entries of one bucket may generate in all, over the
     *                  whole search ({@code k·(|S_{l+1}| - 1)} keeps the paper's bound), or
     *                  {@link Integer#MAX_VALUE} for no limit
     */
    public LayerStore(int layer, CostRange range, int buckets, int perBucket, int childAllowance) {
        this.layer = layer;
        this.range = range;
        this.perBucket = perBucket;
        this.childAllowance = childAllowance;
        this.childrenGenerated = new int[buckets];
        this.buckets = new ArrayList<>(buckets);
        for (int i = 0; i < buckets; i++) {
            this.buckets.add(new ArrayList<>(Math.min(perBucket, 3) + 1)); // grows only as trials arrive
        }
    }

    /** Eq. 4: the bucket of a cost in this layer. */
    public int bucketOf(double cost) {
        return Buckets.index(cost, range.min(), range.max(), buckets.size());
    }

    /**
     * Keeps the trial if its bucket has room or it beats the bucket's worst, which is then evicted.
     *
     * @return the new entry, or {@code null} when the trial was not kept
     */
    public Entry offer(Trial trial, List<Integer> childOptions) {
        List<Entry> bucket = buckets.get(bucketOf(trial.cost()));
        for (Entry entry : bucket) {
            if (entry.trial().architecture().equals(trial.architecture())) {
                return null;
            }
        }
        Entry entry = new Entry(trial, layer, bucketOf(trial.cost()), new ArrayList<>(childOptions));
        int position = 0;
        while (position < bucket.size() && Results.BETTER_FIRST.compare(bucket.get(position).trial(), trial) < 0) {
            position++;
        }
        if (position >= perBucket) {
            return null;
        }
        bucket.add(position, entry);
        if (bucket.size() > perBucket) {
            bucket.remove(bucket.size() - 1);
        }
        return entry;
    }

    /** Entries whose children are not all generated, bucket by bucket, best first. */
    public List<Entry> selectable() {
        List<Entry> selectable = new ArrayList<>();
        for (List<Entry> bucket : buckets) {
            for (Entry entry : bucket) {
                if (!exhausted(entry)) {
                    selectable.add(entry);
                }
            }
        }
        return selectable;
    }

    /**
     * True when the entry has generated all its children, or its bucket has used up its allowance
     * (then every entry of the bucket counts as exhausted).
     */
    public boolean exhausted(Entry entry) {
        return entry.remaining.isEmpty() || childrenGenerated[entry.bucket] >= childAllowance;
    }

    /** Takes the next child option of {@code entry}, charging its bucket's allowance. */
    public int takeChild(Entry entry, int index) {
        childrenGenerated[entry.bucket]++;
        return entry.remaining.remove(index);
    }

    /** All entries, bucket by bucket, best first. */
    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        buckets.forEach(all::addAll);
        return all;
    }

    /** A stored candidate and the options of the next layer it has not generated yet. */
    public static final class Entry {
        private final Trial trial;
        private final int layer;
        private final int bucket;
        private final List<Integer> remaining;

        Entry(Trial trial, int layer, int bucket, List<Integer> remaining) {
            this.trial = trial;
            this.layer = layer;
            this.bucket = bucket;
            this.remaining = remaining;
        }

        /** A parent that is no stored trial: the root whose children are layer 0's options. */
        public static Entry root(Architecture defaults, List<Integer> options) {
            Trial placeholder = new Trial(-1, defaults, -1, -1, Double.NaN, io.layernas.api.TrialStatus.FAILED,
                    null, "root", 0, 0);
            return new Entry(placeholder, -1, 0, new ArrayList<>(options));
        }

        /** The stored trial. */
        public Trial trial() {
            return trial;
        }

        /** The layer whose store holds it (-1 for the root). */
        public int layer() {
            return layer;
        }

        /** True when all children are generated (marked "[x]" in the paper's Appendix I). */
        public boolean allChildrenGenerated() {
            return remaining.isEmpty();
        }

        /** Options of the next layer not generated yet, read-only. */
        public List<Integer> remaining() {
            return java.util.Collections.unmodifiableList(remaining);
        }

        /** Takes an option of the root, which belongs to no store. */
        public int takeRootChild(int index) {
            return remaining.remove(index);
        }
    }
}
