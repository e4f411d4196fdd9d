package io.layernas.cli.config;

import io.layernas.api.Budget;
import io.layernas.api.Settings;

/**
 * The {@code budget} section: {@code evaluations} (trials, default {@value Defaults#EVALUATIONS})
 * and {@code trainingSeconds} (summed training time, default unlimited); either may be
 * {@code unlimited}. The search stops at the first limit reached.
 *
 * @param budget the budget
 */
public record BudgetConfig(Budget budget) {

    /** Reads the section. */
    public static BudgetConfig from(Settings settings) {
        SectionReader reader = new SectionReader(settings);
        long evaluations = reader.countOrUnlimited("evaluations", Defaults.EVALUATIONS);
        double seconds = reader.positiveOrUnlimited("trainingSeconds", Defaults.TRAINING_SECONDS);
        reader.requireAllUsed("the budget");
        return new BudgetConfig(new Budget(evaluations, seconds));
    }
}
