package io.layernas.api;

/** Why a search ended. */
public enum StopReason {
    /** The strategy had no candidate left to try. */
    COMPLETED,
    /** The evaluation or training-time budget was spent. */
    BUDGET_EXHAUSTED,
    /** Too many trials in a row failed; see the failures of the last trials. */
    TOO_MANY_FAILURES,
    /** The run was asked to stop (Ctrl-C, SIGTERM); its trials so far are kept and it can be resumed. */
    INTERRUPTED,
    /** Not stopped: a partial result, written while the run goes on. */
    RUNNING
}
