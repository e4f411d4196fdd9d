package io.layernas.core;

/** Eq. 4 of the paper: the bucket of a cost within a layer's cost range. */
public final class Buckets {
    private Buckets() {
    }

    /**
     * {@code floor((cost - min) / (max - min) * buckets)}, clamped to {@code [0, buckets - 1]} so
     * that the maximum cost falls in the last bucket; 0 when the range is a single value.
     */
    public static int index(double cost, double min, double max, int buckets) {
        if (max <= min) {
            return 0;
        }
        // The small epsilon keeps exact boundaries (3/6 * 4 = 2) from rounding down to the bucket below.
        double position = Math.floor((cost - min) / (max - min) * buckets + 1e-9);
        return (int) Math.max(0, Math.min(buckets - 1, position));
    }
}
