package io.layernas.core.internal;

/**
 * Thrown inside a run once a stop was requested and the search must unwind: the run catches it and
 * returns the trials made so far with {@link io.layernas.api.StopReason#INTERRUPTED}.
 */
public final class SearchStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The stop of a run. */
    public SearchStoppedException() {
        super("the run was asked to stop", null, false, false);
    }
}
