package io.layernas.evaluators.external;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.Evaluator;
import io.layernas.api.EvaluatorProvider;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;

/** Registers {@link CommandEvaluator} as {@code command}; its settings are {@link CommandSettings}. */
public final class CommandEvaluatorProvider extends AbstractPlugin implements EvaluatorProvider {

    /** For ServiceLoader. */
    public CommandEvaluatorProvider() {
        super("command", "runs your own training command per candidate (request as JSON, metrics as JSON on stdout)");
    }

    @Override
    public Evaluator create(SearchSpace space, Settings settings) {
        return new CommandEvaluator(CommandSettings.from(settings));
    }
}
