package io.layernas.core.compare;

import java.util.Objects;

/**
 * One strategy's line of the summary table: over its runs, the accuracies of the best
 * validation-accuracy model found inside the target within the budget. Means and standard
 * deviations are over the runs that found such a model ({@code found} of {@code runs}); the
 * standard deviation divides by n (numpy's default). Immutable.
 *
 * @param strategy            the strategy's name
 * @param runs                runs made
 * @param found               runs that found a successful in-target trial
 * @param meanTest            mean test accuracy of the chosen models; NaN without test accuracies
 * @param stdTest             their standard deviation
 * @param meanValid           mean validation accuracy of the chosen models
 * @param stdValid            their standard deviation
 * @param meanEvaluations     mean trials per run (within the budget)
 * @param meanTrainingSeconds mean summed training seconds per run (within the budget)
 */
public record SummaryRow(String strategy, int runs, int found, double meanTest, double stdTest, double meanValid,
                         double stdValid, double meanEvaluations, double meanTrainingSeconds) {
    public SummaryRow {
        Objects.requireNonNull(strategy, "strategy");
        if (found < 0 || found > runs) {
            throw new IllegalArgumentException("found (" + found + ") must lie in 0.." + runs);
        }
    }
}
