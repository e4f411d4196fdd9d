package io.layernas.evaluators.training;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * For the parity report only, not a setting of the evaluator: restores {@code djl-train}'s behaviour
 * from before issue 18 for some of the differences docs/training.md lists, so that the report can
 * measure what each fix bought. The system property {@value #PROPERTY} holds a comma-separated subset of
 * <ul>
 *   <li>{@code init}: He-normal weights ({@code std = sqrt(2 / fan_in)}) and zero biases instead of
 *       PyTorch's uniform ones (row 1 and 2);</li>
 *   <li>{@code sgd}: DJL's {@code Sgd}, the learning rate inside the momentum buffer (row 5);</li>
 *   <li>{@code schedule}: DJL's cosine tracker, which counts updates from 1, so the last step trains with
 *       rate 0 (row 6).</li>
 * </ul>
 * Read when a training starts; unset or empty reverts nothing.
 *
 * @param init     He-normal weights, zero biases
 * @param sgd      the rate inside the momentum buffer
 * @param schedule the schedule one step ahead
 */
record Reverts(boolean init, boolean sgd, boolean schedule) {
    /** The system property. */
    static final String PROPERTY = "layernas.djl-train.revert";
    private static final List<String> NAMES = List.of("init", "sgd", "schedule");

    /** What {@value #PROPERTY} says now. */
    static Reverts current() {
        String value = System.getProperty(PROPERTY, "");
        Set<String> names = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        for (String name : names) {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("system property " + PROPERTY + " (" + value + ") names '" + name
                        + "'; it takes a comma-separated subset of " + NAMES + ", or nothing");
            }
        }
        return new Reverts(names.contains("init"), names.contains("sgd"), names.contains("schedule"));
    }
}
