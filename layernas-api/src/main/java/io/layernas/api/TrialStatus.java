package io.layernas.api;

/** How a trial ended. */
public enum TrialStatus {
    /** The evaluator returned metrics. */
    SUCCEEDED,
    /** The evaluator failed (threw, returned a non-finite value or timed out) on every attempt. */
    FAILED
}
