package io.layernas.cli.plugins;

import io.layernas.api.ConfigurationException;
import io.layernas.api.CostModelProvider;
import io.layernas.api.EvaluatorProvider;
import io.layernas.api.ExecutorProvider;
import io.layernas.api.Plugin;
import io.layernas.api.SearchSpaceProvider;
import io.layernas.api.StrategyProvider;
import io.layernas.cli.config.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The plugins on the class path, found through {@link ServiceLoader} by their short names:
 * spaces, cost models, evaluators, strategies and executors. A jar that registers providers in
 * {@code META-INF/services} adds plugins without any change here. Immutable once built.
 */
public final class PluginRegistry {
    private final Map<Class<? extends Plugin>, Map<String, Plugin>> byKind = new java.util.LinkedHashMap<>();

    private PluginRegistry(ClassLoader loader) {
        for (PluginKind kind : PluginKind.values()) {
            byKind.put(kind.type(), load(kind, loader));
        }
    }

    /** The plugins visible to {@code loader}. */
    public static PluginRegistry load(ClassLoader loader) {
        return new PluginRegistry(loader);
    }

    /** The plugins visible to this class's loader (the launcher's class path). */
    public static PluginRegistry fromClassPath() {
        return load(PluginRegistry.class.getClassLoader());
    }

    private static Map<String, Plugin> load(PluginKind kind, ClassLoader loader) {
        Map<String, Plugin> plugins = new TreeMap<>();
        try {
            for (Plugin plugin : ServiceLoader.load(kind.type(), loader)) {
                Plugin earlier = plugins.putIfAbsent(plugin.name(), plugin);
                if (earlier != null && earlier.getClass() != plugin.getClass()) {
                    throw new ConfigurationException("two " + kind.label() + " plugins are named '" + plugin.name()
                            + "': " + earlier.getClass().getName() + " and " + plugin.getClass().getName()
                            + ". Remove one of their jars from the class path.");
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new ConfigurationException("a " + kind.label() + " plugin could not be loaded: " + e.getMessage()
                    + ". Check the jar's META-INF/services/" + kind.type().getName() + " entry.", e);
        }
        return Collections.unmodifiableMap(plugins);
    }

    /** The space provider named {@code name}. */
    public SearchSpaceProvider space(String name, String key) {
        return find(PluginKind.SPACE, name, key, SearchSpaceProvider.class);
    }

    /** The cost model provider named {@code name}. */
    public CostModelProvider costModel(String name, String key) {
        return find(PluginKind.COST_MODEL, name, key, CostModelProvider.class);
    }

    /** The evaluator provider named {@code name}. */
    public EvaluatorProvider evaluator(String name, String key) {
        return find(PluginKind.EVALUATOR, name, key, EvaluatorProvider.class);
    }

    /** The strategy provider named {@code name}. */
    public StrategyProvider strategy(String name, String key) {
        return find(PluginKind.STRATEGY, name, key, StrategyProvider.class);
    }

    /** The executor provider named {@code name}. */
    public ExecutorProvider executor(String name, String key) {
        return find(PluginKind.EXECUTOR, name, key, ExecutorProvider.class);
    }

    /**
     * The plugin of {@code kind} named {@code name}.
     *
     * @param key the YAML key that named it, for the message when there is none
     * @throws ConfigurationException listing the names there are, and the closest one
     */
    public <T extends Plugin> T find(PluginKind kind, String name, String key, Class<T> type) {
        Plugin plugin = byKind.get(kind.type()).get(name);
        if (plugin == null) {
            List<String> names = names(kind);
            throw new ConfigurationException(key + " (" + name + ") is not a known " + kind.label() + "."
                    + Names.didYouMean(name, names) + " Known " + kind.plural() + ": "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + ". A plugin jar on the class path "
                    + "(plugins/ or LAYERNAS_PLUGINS) adds more.");
        }
        return type.cast(plugin);
    }

    /** The names of the plugins of {@code kind}, sorted. */
    public List<String> names(PluginKind kind) {
        return new ArrayList<>(byKind.get(kind.type()).keySet());
    }

    /** The plugins of {@code kind}, by name. */
    public List<Plugin> plugins(PluginKind kind) {
        return List.copyOf(byKind.get(kind.type()).values());
    }
}
