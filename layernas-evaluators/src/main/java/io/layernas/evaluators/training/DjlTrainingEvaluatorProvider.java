package io.layernas.evaluators.training;

import io.layernas.api.Evaluator;
import io.layernas.api.EvaluatorProvider;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;

/** Registers {@link DjlTrainingEvaluator} as {@code djl-train}; its settings are {@link TrainingSettings}. */
public final class DjlTrainingEvaluatorProvider implements EvaluatorProvider {

    @Override
    public String name() {
        return "djl-train";
    }

    @Override
    public String description() {
        return "trains each candidate on Fashion-MNIST with DJL (PyTorch, CPU); objective = validation accuracy";
    }

    @Override
    public Evaluator create(SearchSpace space, Settings settings) {
        DjlTrainingEvaluator.requireNetworkSpace(space);
        return new DjlTrainingEvaluator(TrainingSettings.from(settings));
    }
}
