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
    SPACE(SearchSpaceProvider.class, "space", "spaces", "space.name"),
    /** Cost models. */
    COST_MODEL(CostModelProvider.class, "cost model", "cost models", "cost.name"),
    /** Evaluators. */
    EVALUATOR(EvaluatorProvider.class, "evaluator", "evaluators", "evaluator.name"),
    /** Search strategies. */
    STRATEGY(StrategyProvider.class, "strategy", "strategies", "search.strategy"),
    /** Where candidates are evaluated. */
    EXECUTOR(ExecutorProvider.class, "executor", "executors", "executor.name");

    private final Class<? extends Plugin> type;
    private final String label;
    private final String plural;
    private final String nameKeyPath;

    PluginKind(Class<? extends Plugin> type, String label, String plural, String nameKeyPath) {
        this.type = type;
        this.label = label;
        this.plural = plural;
        this.nameKeyPath = nameKeyPath;
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

    /** The YAML section of an experiment that names a plugin of this kind, e.g. {@code search}. */
    public String section() {
        return nameKeyPath.substring(0, nameKeyPath.indexOf('.'));
    }

    /** The key of that section that names it, e.g. {@code strategy}. */
    public String nameKey() {
        return nameKeyPath.substring(nameKeyPath.indexOf('.') + 1);
    }

    /** Both, e.g. {@code search.strategy}. */
    public String nameKeyPath() {
        return nameKeyPath;
    }
}
