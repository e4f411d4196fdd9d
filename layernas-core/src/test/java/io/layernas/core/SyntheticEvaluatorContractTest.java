package io.layernas.core;

import io.layernas.api.Evaluator;
import io.layernas.api.EvaluatorContract;
import io.layernas.api.SearchSpace;

/** The contract of every evaluator, for the synthetic stand-in. */
class SyntheticEvaluatorContractTest extends EvaluatorContract {
    private final RandomSpaces.Problem problem = RandomSpaces.problem(3, 5, 4, 10);

    @Override
    protected SearchSpace space() {
        return problem.space();
    }

    @Override
    protected Evaluator createEvaluator() {
        return new SyntheticEvaluator(5, 0.01, 1);
    }
}
