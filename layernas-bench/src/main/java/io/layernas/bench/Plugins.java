package io.layernas.bench;

import io.layernas.api.CostModel;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchStrategy;
import io.layernas.api.Settings;
import io.layernas.cli.plugins.PluginRegistry;
import java.util.Map;

/** Finds the built-in plugins by name through the CLI's {@link PluginRegistry}, without the CLI's wiring. */
public final class Plugins {
    private static final PluginRegistry REGISTRY = PluginRegistry.fromClassPath();

    private Plugins() {
    }

    /** The space registered as {@code name}, with default settings. */
    public static SearchSpace space(String name) {
        return REGISTRY.space(name, "space.name").create(Settings.empty("space"));
    }

    /** The cost model registered as {@code name}, with default settings. */
    public static CostModel cost(String name, SearchSpace space) {
        return REGISTRY.costModel(name, "cost.name").create(space, Settings.empty("cost"));
    }

    /** The strategy registered as {@code name} with {@code settings}. */
    public static SearchStrategy strategy(String name, Map<String, ?> settings) {
        return REGISTRY.strategy(name, "search.strategy").create(Settings.of("search", settings));
    }
}
