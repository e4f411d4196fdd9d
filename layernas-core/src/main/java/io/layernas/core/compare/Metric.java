package io.layernas.core.compare;

/** Which accuracy of the best-so-far model a curve follows. */
public enum Metric {
    /** The search objective (validation accuracy) of the best in-target trial so far. */
    VALID,
    /**
     * The test accuracy ({@link io.layernas.api.Metrics#TEST_ACCURACY}) of that same trial, the
     * model the search would pick; not the best test accuracy seen.
     */
    TEST
}
