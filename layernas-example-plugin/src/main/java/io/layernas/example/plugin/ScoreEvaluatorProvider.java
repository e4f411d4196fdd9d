package io.layernas.example.plugin;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.Evaluator;
import io.layernas.api.EvaluatorProvider;
import io.layernas.api.Metrics;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;
import java.util.Map;

/**
 * {@code example-score}: a made-up score in (0, 1] that falls with each option step away from the
 * widest, more steeply in later layers; setting {@code secondsPerTrial} (default 1) is the
 * training time it reports. A stand-in that trains nothing.
 */
public final class ScoreEvaluatorProvider extends AbstractPlugin implements EvaluatorProvider {
    /** For ServiceLoader. */
    public ScoreEvaluatorProvider() {
        super("example-score", "third-party example: a made-up score, trains nothing");
    }

    @Override
    public Evaluator create(SearchSpace space, Settings settings) {
        double seconds = settings.getDouble("secondsPerTrial", 1);
        return request -> {
            double penalty = 0;
            for (int i = 0; i < request.architecture().size(); i++) {
                penalty += 0.01 * (1 + i % 3) * request.architecture().choice(i);
            }
            return new Metrics(1.0 / (1.0 + penalty), seconds, Map.of("penalty", penalty));
        };
    }
}
