package io.layernas.core;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.Evaluator;
import io.layernas.api.EvaluatorProvider;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;
import io.layernas.core.SyntheticEvaluator;

/** {@code synthetic}: a made-up accuracy for trying the framework; settings tableSeed, noise, secondsPerTrial. */
public final class SyntheticEvaluatorProvider extends AbstractPlugin implements EvaluatorProvider {
    /** For ServiceLoader. */
    public SyntheticEvaluatorProvider() {
        super("synthetic", "stand-in: made-up deterministic accuracy, trains nothing (for trials and benchmarks)");
    }

    @Override
    public Evaluator create(SearchSpace space, Settings settings) {
        return new SyntheticEvaluator(settings.getLong("tableSeed", 1), settings.getDouble("noise", 0),
                settings.getDouble("secondsPerTrial", 1));
    }
}
