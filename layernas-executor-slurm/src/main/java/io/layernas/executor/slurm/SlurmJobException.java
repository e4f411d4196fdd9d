package io.layernas.executor.slurm;

/** A Slurm job that ended without a result: the message says which job, how it ended and its stderr. */
public final class SlurmJobException extends Exception {
    private static final long serialVersionUID = 1L;

    SlurmJobException(String message) {
        super(message);
    }
}
