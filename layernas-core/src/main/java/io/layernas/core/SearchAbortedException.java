package io.layernas.core;

/**
 * Thrown inside a run when it must stop early (e.g. too many failed trials in a row). The run
 * catches it and returns the result of the trials made so far; nothing already stored is lost.
 */
public final class SearchAbortedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message saying why and what to do. */
    public SearchAbortedException(String message) {
        super(message);
    }
}
