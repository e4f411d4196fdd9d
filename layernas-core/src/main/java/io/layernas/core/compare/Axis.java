package io.layernas.core.compare;

/** What the x-axis of a comparison's curves counts. */
public enum Axis {
    /** Summed training seconds reported by the evaluator (the paper's "training time", Table 4). */
    TRAINING_SECONDS,
    /** Number of trials made. */
    EVALUATIONS
}
