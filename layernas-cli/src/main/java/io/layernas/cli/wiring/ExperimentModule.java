package io.layernas.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.layernas.api.CostModel;
import io.layernas.api.CostRange;
import io.layernas.api.Evaluator;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchStrategy;
import io.layernas.api.TargetRange;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.plugins.PluginRegistry;
import io.layernas.cli.results.Provenance;
import io.layernas.core.Problem;
import io.layernas.core.SearchRun;

/**
 * Wires one experiment: its configuration, the plugin registry, and the space, cost model,
 * target, strategy and evaluator the configuration names. Everything is a singleton; build the
 * injector in {@link com.google.inject.Stage#PRODUCTION} so that all of it is created, and every
 * configuration error found, before any evaluation runs.
 */
public final class ExperimentModule extends AbstractModule {
    private final ExperimentConfig config;
    private final PluginRegistry registry;

    /** The module of {@code config}, with plugins from {@code registry}. */
    public ExperimentModule(ExperimentConfig config, PluginRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    @Override
    protected void configure() {
        bind(ExperimentConfig.class).toInstance(config);
        bind(PluginRegistry.class).toInstance(registry);
        bind(Plugins.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    SearchSpace space(Plugins plugins) {
        return plugins.space(config.space());
    }

    @Provides
    @Singleton
    CostModel costModel(Plugins plugins, SearchSpace space) {
        return plugins.costModel(config.cost(), space);
    }

    /** The target, checked against the least and greatest cost the space can reach. */
    @Provides
    @Singleton
    TargetRange target(SearchSpace space, CostModel costModel) {
        CostRange reachable = costModel.range(space.defaultArchitecture(), 0, space.layerCount());
        return config.target().resolve(reachable, costModel.cost(space.defaultArchitecture()),
                "space '" + space.name() + "' with cost model '" + config.cost().name() + "'", costModel.unit());
    }

    @Provides
    @Singleton
    SearchStrategy strategy(Plugins plugins) {
        return plugins.strategy(config.strategy());
    }

    /** Takes the target and strategy so that their checks run before an evaluator loads any data. */
    @Provides
    @Singleton
    Evaluator evaluator(Plugins plugins, SearchSpace space, TargetRange target, SearchStrategy strategy) {
        return plugins.evaluator(config.evaluator(), space);
    }

    @Provides
    @Singleton
    Provenance provenance(Plugins plugins) {
        return Provenances.of(config, plugins);
    }

    /** What the experiment searches: its space, cost model, resolved target and budget, as one value. */
    @Provides
    @Singleton
    Problem problem(SearchSpace space, CostModel costModel, TargetRange target) {
        return new Problem(space, costModel, target, config.budget().budget());
    }

    /**
     * A run of the experiment, all but its listeners and its trial store set (the caller opens the
     * store once and closes it); each call gives a new builder.
     */
    @Provides
    SearchRun.Builder searchRun(Problem problem, SearchStrategy strategy, Evaluator evaluator) {
        return SearchRun.builder().problem(problem).evaluator(evaluator).strategy(strategy).seed(config.run().seed())
                .workers(config.run().workers()).retries(config.run().retries())
                .maxConsecutiveFailures(config.run().maxConsecutiveFailures()).timeout(config.run().timeout());
    }
}
