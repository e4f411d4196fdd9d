package io.layernas.core.internal;

/**
 * A run's stop request, set from any thread (a signal handler) and read by the search and the
 * evaluating threads. Once requested, no new evaluation starts; when {@link #abandoning()} also
 * holds, running evaluations are told to give up. Thread-safe.
 */
public final class Stop {
    private volatile boolean requested;
    private volatile boolean abandon;
    private final java.util.List<Runnable> onRequest = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Asks the run to stop; {@code abandonRunning} also abandons running evaluations. Never undone. */
    public void request(boolean abandonRunning) {
        if (abandonRunning) {
            abandon = true;
        }
        requested = true;
        onRequest.forEach(Runnable::run);
    }

    /** Runs {@code action} on every request from now on, and at once if a stop was requested already. */
    public void onRequest(Runnable action) {
        onRequest.add(action);
        if (requested) {
            action.run();
        }
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
