package io.layernas.evaluators.training;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.Evaluator;
import io.layernas.api.EvaluatorProvider;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;

/** Registers {@link DjlTrainingEvaluator} as {@code djl-train}; its settings are {@link TrainingSettings}. */
public final class DjlTrainingEvaluatorProvider extends AbstractPlugin implements EvaluatorProvider {

    /** For ServiceLoader. */
    public DjlTrainingEvaluatorProvider() {
        super("djl-train",
                "trains each candidate on Fashion-MNIST with DJL (PyTorch, CPU); objective = validation accuracy");
    }

    @Override
    public Evaluator create(SearchSpace space, Settings settings) {
        DjlTrainingEvaluator.requireNetworkSpace(space);
        return new DjlTrainingEvaluator(TrainingSettings.from(settings));
    }
}
