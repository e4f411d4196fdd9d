package io.layernas.api;

/** Makes an {@link Evaluator}; registered in {@code META-INF/services/io.layernas.api.EvaluatorProvider}. */
public interface EvaluatorProvider extends Plugin {

    /**
     * Creates the evaluator.
     *
     * @throws ConfigurationException when a setting or data file is wrong, saying how to fix it
     */
    Evaluator create(SearchSpace space, Settings settings);
}
