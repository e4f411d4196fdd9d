package io.layernas.store.postgres;

/**
 * The worker pool's database stayed unreachable longer than the run allows. An {@link Error}
 * because the run must stop rather than record the candidates in flight as failed (an executor's
 * errors end the run; its exceptions fail one attempt): every trial stored before is kept and
 * {@code run --resume} continues once the database is back.
 */
public final class WorkerPoolError extends Error {
    private static final long serialVersionUID = 1L;

    /** The error, with the message a user reads. */
    public WorkerPoolError(String message, Throwable cause) {
        super(message, cause);
    }
}
