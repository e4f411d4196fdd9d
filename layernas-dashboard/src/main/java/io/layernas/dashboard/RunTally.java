package io.layernas.dashboard;

import io.layernas.api.Trial;
import io.layernas.store.SqliteTrialReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the run page's header and bucket view show, kept up to date one batch of new trials at a
 * time: counts, the best trial in the target, and per layer and bucket the trial count, cost range
 * and the k best. Each update asks the store only about the trials stored since the last one, so a
 * poll beside a 100,000-trial run costs the new trials, not a scan of the store; it holds k trials
 * per bucket, not the run's trials. Thread-safe.
 */
final class RunTally {
    private static final Comparator<Trial> BETTER_FIRST = Comparator.comparingDouble(Trial::objective).reversed()
            .thenComparingInt(Trial::index);

    private final double low;
    private final double high;
    private final int k;
    private final Map<List<Integer>, SqliteTrialReader.Bucket> buckets = new TreeMap<>(
            Comparator.<List<Integer>>comparingInt(key -> key.get(0)).thenComparingInt(key -> key.get(1)));
    private int last = -1;
    private int count;
    private int succeeded;
    private Trial best;

    RunTally(double low, double high, int k) {
        this.low = low;
        this.high = high;
        this.k = k;
    }

    /** True when this tally answers for a run with this target and k. */
    boolean fits(double targetLow, double targetHigh, int perBucket) {
        return Double.compare(low, targetLow) == 0 && Double.compare(high, targetHigh) == 0 && k == perBucket;
    }

    /** Adds the trials stored since the last update. */
    synchronized RunTally update(SqliteTrialReader reader) {
        int upTo = reader.lastIndex();
        if (upTo < last) {
            // The store holds fewer trials than were counted: it was replaced (a new run in the directory).
            reset();
        }
        if (upTo <= last) {
            return this;
        }
        SqliteTrialReader.Delta delta = reader.delta(last, upTo, low, high, k);
        last = upTo;
        count += delta.count();
        succeeded += delta.succeeded();
        delta.best().filter(t -> best == null || BETTER_FIRST.compare(t, best) < 0).ifPresent(t -> best = t);
        for (SqliteTrialReader.Bucket added : delta.buckets()) {
            buckets.merge(List.of(added.layer(), added.bucket()), added, this::merge);
        }
        return this;
    }

    private void reset() {
        buckets.clear();
        last = -1;
        count = 0;
        succeeded = 0;
        best = null;
    }

    private SqliteTrialReader.Bucket merge(SqliteTrialReader.Bucket old, SqliteTrialReader.Bucket added) {
        List<Trial> kept = new ArrayList<>(old.best());
        kept.addAll(added.best());
        kept.sort(BETTER_FIRST);
        return new SqliteTrialReader.Bucket(old.layer(), old.bucket(), old.trials() + added.trials(),
                old.succeeded() + added.succeeded(), Math.min(old.minCost(), added.minCost()),
                Math.max(old.maxCost(), added.maxCost()), kept.subList(0, Math.min(k, kept.size())));
    }

    synchronized int count() {
        return count;
    }

    synchronized int succeeded() {
        return succeeded;
    }

    synchronized Trial best() {
        return best;
    }

    /** The buckets, by layer and bucket, each with its k best, best first. */
    synchronized List<SqliteTrialReader.Bucket> buckets() {
        return List.copyOf(buckets.values());
    }
}
