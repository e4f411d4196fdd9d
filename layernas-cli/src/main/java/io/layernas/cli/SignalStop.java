package io.layernas.cli;

import io.layernas.core.SearchRun;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGINT (Ctrl-C) and SIGTERM into an orderly stop of a {@link SearchRun}, instead of the JVM's
 * default of running shutdown hooks and exiting while a training thread is still inside native
 * code (PyTorch then crashes in its static destructors and leaves an {@code hs_err_pid*.log}).
 *
 * <p>The first signal stops the run: no new trial starts; the running ones finish, or are abandoned
 * when {@code abandonFirst} ({@code run.onInterrupt: abandon}). The second abandons them. The
 * search thread then returns, the caller writes the results, closes the evaluator and exits with
 * {@link #exitCode()} (130 for SIGINT, 143 for SIGTERM, as a shell reports a process the signal
 * ended). A third signal ends the process at once with the signal's default action (no shutdown
 * hooks, no native destructors, so no crash dump either), losing the running trials.
 *
 * <p>A JVM exit for another reason while the run is live (SIGHUP, {@code System.exit} elsewhere)
 * runs a shutdown hook that abandons the running trials and waits, for at most a minute, until the
 * caller calls {@link #finished()}. Thread-safe.
 */
final class SignalStop implements AutoCloseable {
    private static final Map<String, Integer> EXIT_CODES = Map.of("INT", 130, "TERM", 143);
    private static final long HOOK_WAIT_SECONDS = 60;

    private volatile SearchRun run;
    private final boolean abandonFirst;
    private final PrintStream err;
    private final AtomicInteger signals = new AtomicInteger();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Map<Signal, SignalHandler> previous = new java.util.HashMap<>();
    private final Thread hook;
    private volatile int exitCode;

    private SignalStop(boolean abandonFirst, PrintStream err) {
        this.abandonFirst = abandonFirst;
        this.err = err;
        this.hook = new Thread(this::onExit, "layernas-stop-on-exit");
    }

    /**
     * Handles SIGINT and SIGTERM until {@link #close()}: install it before the evaluator's threads
     * start and close it after they are gone, so no signal ever finds the JVM's default handler
     * while a thread is inside native code.
     */
    static SignalStop install(boolean abandonFirst, PrintStream err) {
        SignalStop stop = new SignalStop(abandonFirst, err);
        for (String name : EXIT_CODES.keySet()) {
            try {
                Signal signal = new Signal(name);
                stop.previous.put(signal, Signal.handle(signal, stop::onSignal));
            } catch (IllegalArgumentException e) {
                // The signal is not available here (e.g. -Xrs, or the platform lacks it): keep the default.
            }
        }
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** Stops {@code search} on a signal; one that came before is applied now. */
    void watch(SearchRun search) {
        run = search;
        int count = signals.get();
        if (count > 0) {
            search.stop(abandonFirst || count > 1);
        }
    }

    /** 0 when no signal came, else 128 plus the first signal's number. */
    int exitCode() {
        return exitCode;
    }

    /** True once a signal asked the run to stop. */
    boolean signalled() {
        return exitCode != 0;
    }

    private void onSignal(Signal signal) {
        int count = signals.incrementAndGet();
        if (count == 1) {
            exitCode = EXIT_CODES.getOrDefault(signal.getName(), 128 + signal.getNumber());
            stopRun(abandonFirst);
            err.println();
            err.println("layernas: SIG" + signal.getName() + ": stopping. No new trial starts; " + (abandonFirst
                    ? "running trials are abandoned (run.onInterrupt: abandon) and evaluated again on resume."
                    : "running trials finish first (Ctrl-C again abandons them; run.onInterrupt: abandon does so "
                    + "at once)."));
        } else if (count == 2) {
            stopRun(true);
            err.println("layernas: SIG" + signal.getName() + " again: abandoning the running trials (a resumed run "
                    + "evaluates them again). A third signal ends the process at once.");
        } else {
            err.println("layernas: SIG" + signal.getName() + " a third time: ending now; running trials are lost, "
                    + "stored ones are kept.");
            err.flush();
            Signal.handle(signal, SignalHandler.SIG_DFL);
            Signal.raise(signal);
        }
    }

    private void stopRun(boolean abandon) {
        SearchRun target = run;
        if (target != null) {
            target.stop(abandon);
        }
    }

    private void onExit() {
        stopRun(true);
        try {
            finished.await(HOOK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run has returned and its executor and evaluator are closed: no native code runs on its behalf. */
    void finished() {
        finished.countDown();
    }

    /** Restores the signal handlers there were before and removes the shutdown hook. */
    @Override
    public void close() {
        finished();
        previous.forEach(Signal::handle);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook runs and returns at once, since finished() was called.
        }
    }
}
