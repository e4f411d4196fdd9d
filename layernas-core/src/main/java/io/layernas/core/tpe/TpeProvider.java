package io.layernas.core.tpe;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.SearchStrategy;
import io.layernas.api.Settings;
import io.layernas.api.StrategyProvider;

/**
 * {@code tpe}: {@link Tpe}, Optuna's TPE for categorical spaces. Settings, the components of {@link
 * Tpe.Config} by name: startupTrials (10), eiCandidates (24), priorWeight (1.0), multivariate
 * (false), maxIdleSuggestions (10000).
 */
public final class TpeProvider extends AbstractPlugin implements StrategyProvider {
    /** For ServiceLoader. */
    public TpeProvider() {
        super("tpe",
                "baseline: Tree-structured Parzen Estimator as Optuna's TPESampler (categorical, univariate or multivariate)");
    }

    @Override
    public SearchStrategy create(Settings settings) {
        return new Tpe(settings.getRecord(Tpe.Config.defaults()));
    }
}
