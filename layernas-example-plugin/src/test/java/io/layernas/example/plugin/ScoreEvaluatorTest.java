package io.layernas.example.plugin;

import io.layernas.api.Evaluator;
import io.layernas.api.EvaluatorContract;
import io.layernas.api.Settings;

/** The example evaluator keeps the contract every evaluator keeps. */
class ScoreEvaluatorTest extends EvaluatorContract {
    ScoreEvaluatorTest() {
        super(new GridSpaceProvider().create(Settings.empty("space")));
    }

    @Override
    protected Evaluator createEvaluator() {
        return new ScoreEvaluatorProvider().create(space(), Settings.empty("evaluator"));
    }
}
