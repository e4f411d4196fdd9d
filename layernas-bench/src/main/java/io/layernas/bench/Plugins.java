package io.layernas.bench;

import io.layernas.api.CostModel;
import io.layernas.api.CostModelProvider;
import io.layernas.api.Plugin;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchSpaceProvider;
import io.layernas.api.SearchStrategy;
import io.layernas.api.Settings;
import io.layernas.api.StrategyProvider;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds the built-in plugins by name, as the CLI does, without the CLI's wiring. */
public final class Plugins {
    private Plugins() {
    }

    /** The space registered as {@code name}, with default settings. */
    public static SearchSpace space(String name) {
        return find(SearchSpaceProvider.class, name).create(Settings.empty("space"));
    }

    /** The cost model registered as {@code name}, with default settings. */
    public static CostModel cost(String name, SearchSpace space) {
        return find(CostModelProvider.class, name).create(space, Settings.empty("cost"));
    }

    /** The strategy registered as {@code name} with {@code settings}. */
    public static SearchStrategy strategy(String name, Map<String, ?> settings) {
        return find(StrategyProvider.class, name).create(Settings.of("search", settings));
    }

    private static <P extends Plugin> P find(Class<P> kind, String name) {
        for (P provider : ServiceLoader.load(kind)) {
            if (provider.name().equals(name)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("no " + kind.getSimpleName() + " named '" + name + "'");
    }
}
