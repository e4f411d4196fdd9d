package io.layernas.cli.wiring;

import io.layernas.cli.config.ConfigTree;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.config.PluginChoice;
import io.layernas.cli.plugins.PluginKind;
import io.layernas.cli.results.Provenance.PluginInfo;
import io.layernas.cli.results.Provenance;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out the {@link Provenance} of an experiment's run: its plugins as the registry finds them,
 * the checksums of its data files, and the resolved configuration with data files by absolute path.
 * Stateless.
 */
public final class Provenances {
    private Provenances() {
    }

    /** The provenance of {@code config}'s run, with its plugins looked up in {@code plugins}. */
    public static Provenance of(ExperimentConfig config, Plugins plugins) {
        Map<Path, String> checksums = DataFiles.checksums(config);
        Map<String, PluginInfo> infos = new LinkedHashMap<>();
        infos.put("space", info(plugins, PluginKind.SPACE, config.space()));
        infos.put("cost", info(plugins, PluginKind.COST_MODEL, config.cost()));
        infos.put("evaluator", info(plugins, PluginKind.EVALUATOR, config.evaluator()));
        infos.put("strategy", info(plugins, PluginKind.STRATEGY, config.strategy()));
        infos.put("executor", info(plugins, PluginKind.EXECUTOR, config.executor()));
        Map<String, String> versions = Map.of("layernas", Provenance.layernasVersion(), "java",
                System.getProperty("java.version", "unknown"));
        return new Provenance(absolutePaths(config), config.run().seed(), infos, checksums, versions);
    }

    private static PluginInfo info(Plugins plugins, PluginKind kind, PluginChoice choice) {
        return PluginInfo.of(plugins.registry().find(kind, choice.name(), choice.nameKeyPath(), kind.type()));
    }

    /** The resolved config with run.seed set and relative data paths made absolute. */
    private static Map<String, Object> absolutePaths(ExperimentConfig config) {
        Map<String, Object> tree = ConfigTree.copy(config.resolved());
        Path base = config.file().toAbsolutePath().getParent();
        for (String key : ConfigTree.keys(tree)) {
            if (List.of("space", "cost", "evaluator", "search", "compare").contains(key.split("\\.")[0])) {
                Object value = valueAt(tree, key);
                if (value instanceof String text && !Path.of(text).isAbsolute()) {
                    DataFiles.existing(text, base).ifPresent(p -> ConfigTree.set(tree, key, p.toString()));
                }
            }
        }
        ConfigTree.set(tree, "run.seed", config.run().seed());
        return tree;
    }

    private static Object valueAt(Map<String, Object> tree, String key) {
        Object node = tree;
        for (String part : key.split("\\.")) {
            if (node instanceof Map<?, ?> map) {
                node = map.get(part);
            } else if (node instanceof List<?> list) {
                node = list.get(Integer.parseInt(part));
            } else {
                return null;
            }
        }
        return node;
    }
}
