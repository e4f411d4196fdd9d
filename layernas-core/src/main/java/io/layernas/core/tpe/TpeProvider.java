package io.layernas.core.tpe;

import io.layernas.core.RecordStrategyProvider;

/**
 * {@code tpe}: {@link Tpe}, Optuna's TPE for categorical spaces. Settings, the components of {@link
 * Tpe.Config} by name: startupTrials (10), eiCandidates (24), priorWeight (1.0), multivariate
 * (false), maxIdleSuggestions (10000).
 */
public final class TpeProvider extends RecordStrategyProvider<Tpe.Config> {
    /** For ServiceLoader. */
    public TpeProvider() {
        super("tpe", "baseline: Tree-structured Parzen Estimator as Optuna's TPESampler (categorical, univariate or "
                + "multivariate)", Tpe.Config.defaults(), Tpe::new);
    }
}
