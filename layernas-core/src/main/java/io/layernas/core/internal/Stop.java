package io.layernas.core.internal;

/**
 * A run's stop request, set from any thread (a signal handler) and read by the search and the
 * evaluating threads. Once requested, no new evaluation starts; when {@link #abandoning()} also
 * holds, running evaluations are told to give up. Thread-safe.
 */
public final class Stop {
    private volatile boolean requested;
    private volatile boolean abandon;

    /** Asks the run to stop; {@code abandonRunning} also abandons running evaluations. Never undone. */
    public void request(boolean abandonRunning) {
        if (abandonRunning) {
            abandon = true;
        }
        requested = true;
    }

    /** True once a stop was requested. */
    public boolean requested() {
        return requested;
    }

    /** True once running evaluations are to be abandoned. */
    public boolean abandoning() {
        return abandon;
    }
}
