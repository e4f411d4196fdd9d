package io.layernas.core.tpe;

import io.layernas.api.SearchStrategy;
import io.layernas.api.Settings;
import io.layernas.api.StrategyProvider;

/**
 * {@code tpe}: {@link Tpe}, Optuna's TPE for categorical spaces. Settings: startupTrials (10),
 * eiCandidates (24), priorWeight (1.0), multivariate (false), maxIdleSuggestions (10000).
 */
public final class TpeProvider implements StrategyProvider {
    @Override
    public String name() {
        return "tpe";
    }

    @Override
    public String description() {
        return "baseline: Tree-structured Parzen Estimator as Optuna's TPESampler (categorical, univariate or multivariate)";
    }

    @Override
    public SearchStrategy create(Settings settings) {
        Tpe.Config defaults = Tpe.Config.defaults();
        int startup = settings.getInt("startupTrials", defaults.startupTrials());
        int candidates = settings.getInt("eiCandidates", defaults.eiCandidates());
        double prior = settings.getDouble("priorWeight", defaults.priorWeight());
        boolean multivariate = settings.getBoolean("multivariate", defaults.multivariate());
        int idle = settings.getInt("maxIdleSuggestions", defaults.maxIdleSuggestions());
        return settings.build(() -> new Tpe(new Tpe.Config(startup, candidates, prior, multivariate, idle)));
    }
}
