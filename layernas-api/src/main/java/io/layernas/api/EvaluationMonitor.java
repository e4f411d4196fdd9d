package io.layernas.api;

import java.util.concurrent.CancellationException;

/**
 * The run's side of one evaluation: the evaluator reports how far it has come and learns when
 * the run no longer wants the result. Reached through {@link EvaluationRequest#monitor()}.
 *
 * <p>An evaluator that trains for long should call {@link #progress} after each epoch (progress
 * bars and heartbeats show it) and check {@link #cancelled()} often (between training steps is
 * right); once it is true, it should release what it holds and throw a {@link CancellationException}.
 * Stopping this way, on the evaluating thread, is what lets a run that is interrupted (Ctrl-C) or
 * timed out end without leaving a thread inside native code while the process exits.
 *
 * <p>Implementations are thread-safe; both methods are cheap and may be called from any thread.
 */
public interface EvaluationMonitor {

    /** A monitor that listens to nothing and never cancels: for evaluations outside a run. */
    EvaluationMonitor NONE = new EvaluationMonitor() {
        @Override
        public void progress(EvaluationProgress progress) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /** Reports progress inside the evaluation; never throws. */
    void progress(EvaluationProgress progress);

    /** True once the run abandons this evaluation (a stop, a time limit); its result will be discarded. */
    boolean cancelled();

    /** Throws a {@link CancellationException} when {@link #cancelled()}; call it between steps. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new CancellationException("the run abandoned this evaluation");
        }
    }
}
