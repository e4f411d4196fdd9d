package io.layernas.cli.plugins;

import io.layernas.api.CostModelProvider;
import io.layernas.api.EvaluatorProvider;
import io.layernas.api.ExecutorProvider;
import io.layernas.api.Plugin;
import io.layernas.api.SearchSpaceProvider;
import io.layernas.api.StrategyProvider;

/** The kinds of plugin, with the provider interface each is registered under. */
public enum PluginKind {
    /** Search spaces. */
    SPACE(SearchSpaceProvider.class, "space", "spaces"),
    /** Cost models. */
    COST_MODEL(CostModelProvider.class, "cost model", "cost models"),
    /** Evaluators. */
    EVALUATOR(EvaluatorProvider.class, "evaluator", "evaluators"),
    /** Search strategies. */
    STRATEGY(StrategyProvider.class, "strategy", "strategies"),
    /** Where candidates are evaluated. */
    EXECUTOR(ExecutorProvider.class, "executor", "executors");

    private final Class<? extends Plugin> type;
    private final String label;
    private final String plural;

    PluginKind(Class<? extends Plugin> type, String label, String plural) {
        this.type = type;
        this.label = label;
        this.plural = plural;
    }

    /** The provider interface. */
    public Class<? extends Plugin> type() {
        return type;
    }

    /** E.g. {@code cost model}. */
    public String label() {
        return label;
    }

    /** E.g. {@code cost models}. */
    public String plural() {
        return plural;
    }
}
