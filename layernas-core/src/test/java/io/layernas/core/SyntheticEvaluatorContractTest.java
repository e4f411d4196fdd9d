package io.layernas.core;

import io.layernas.api.Evaluator;
import io.layernas.api.EvaluatorContract;

/** The contract of every evaluator, for the synthetic stand-in. */
class SyntheticEvaluatorContractTest extends EvaluatorContract {
    SyntheticEvaluatorContractTest() {
        super(RandomSpaces.problem(3, 5, 4, 10).space());
    }

    @Override
    protected Evaluator createEvaluator() {
        return new SyntheticEvaluator(5, 0.01, 1);
    }
}
