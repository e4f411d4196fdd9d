package io.layernas.core;

/**
 * Checks that what a setting makes a strategy hold fits in the JVM's heap, before anything is
 * allocated: a setting too large for the machine (a typo, usually) fails at configuration time
 * with what it would need, instead of with an {@link OutOfMemoryError} hours into a run. One
 * structure may take at most an eighth of the maximum heap ({@code -Xmx}). Stateless.
 */
public final class HeapLimit {
    /** The share of the maximum heap one structure may take: 1/8. */
    public static final int SHARE = 8;

    private HeapLimit() {
    }

    /** The maximum heap of this JVM, in bytes. */
    public static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * Fails unless {@code bytes} fit in an eighth of {@code maxHeap}.
     *
     * @param settings the settings and their values, e.g. {@code trainBatch (2147483647)}; the
     *                 message starts with it
     * @param what     what the bytes hold, e.g. {@code per layer for the memo table}
     * @param advice   how to lower it, e.g. {@code Lower it (the paper uses 16)}
     * @throws IllegalArgumentException saying how much is needed and how much there is
     */
    public static void check(String settings, double bytes, long maxHeap, String what, String advice) {
        if (bytes > maxHeap / SHARE) {
            throw new IllegalArgumentException(settings + " needs up to " + megabytes(bytes) + " MB " + what
                    + ", more than an eighth of the " + megabytes(maxHeap) + " MB this JVM may use. " + advice
                    + ", or give the JVM more memory, e.g. LAYERNAS_JAVA_OPTS=-Xmx8g.");
        }
    }

    private static long megabytes(double bytes) {
        return (long) Math.ceil(bytes / (1 << 20));
    }
}
