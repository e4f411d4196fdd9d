package io.layernas.cli.wiring;

import io.layernas.api.Plugin;
import io.layernas.cli.config.ConfigTree;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.config.PluginChoice;
import io.layernas.cli.plugins.PluginKind;
import io.layernas.cli.plugins.PluginVersions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What reproduces a run: the resolved configuration (overrides applied, data files by absolute
 * path), the seed, the plugins with their versions, and the SHA-256 of the data files.
 *
 * @param config    the resolved configuration
 * @param seed      the run's seed
 * @param plugins   per role ({@code space}, {@code cost}, {@code evaluator}, {@code strategy}, {@code executor}):
 *                  name, version, location
 * @param dataFiles SHA-256 per data file
 * @param versions  versions of LayerNAS and Java
 */
public record Provenance(Map<String, Object> config, long seed, Map<String, PluginInfo> plugins,
                         Map<Path, String> dataFiles, Map<String, String> versions) {
    public Provenance {
        config = ConfigTree.copy(config);
        plugins = Map.copyOf(plugins);
        dataFiles = Map.copyOf(dataFiles);
        versions = Map.copyOf(versions);
    }

    /**
     * One plugin.
     *
     * @param name     its short name
     * @param version  its version ({@code dev} when run from classes)
     * @param location the jar or directory it was loaded from
     */
    public record PluginInfo(String name, String version, String location) {
        static PluginInfo of(Plugin plugin) {
            return new PluginInfo(plugin.name(), PluginVersions.version(plugin),
                    PluginVersions.location(plugin).map(Path::toString).orElse("unknown"));
        }
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
        Map<String, String> versions = Map.of("layernas", layernasVersion(), "java",
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

    /** This project's version, from the CLI jar, or {@code dev}. */
    public static String layernasVersion() {
        String version = Provenance.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** The provenance as facts for a page: seed, each plugin with its version, data checksums, versions. */
    public Map<String, String> facts() {
        Map<String, String> flat = new LinkedHashMap<>();
        flat.put("seed", Long.toString(seed));
        plugins.forEach((role, info) -> flat.put("plugin." + role, info.name() + " " + info.version()));
        dataFiles.forEach((path, sum) -> flat.put("sha256." + path, sum));
        versions.forEach((name, version) -> flat.put("version." + name, version));
        return flat;
    }
}
