package io.layernas.cli;

import io.layernas.api.Evaluator;
import io.layernas.api.EvaluatorProvider;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;

/** {@code test-failing}: an evaluator whose every evaluation fails, registered for the tests only. */
public final class FailingEvaluatorProvider implements EvaluatorProvider {
    @Override
    public String name() {
        return "test-failing";
    }

    @Override
    public Evaluator create(SearchSpace space, Settings settings) {
        String message = settings.getString("message", "the GPU caught fire");
        return request -> {
            throw new IllegalStateException(message);
        };
    }
}
