package io.layernas.cli.results;

import io.layernas.api.Plugin;
import io.layernas.cli.config.ConfigTree;
import io.layernas.cli.plugins.PluginVersions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        /** The name, version and location of {@code plugin}. */
        public static PluginInfo of(Plugin plugin) {
            return new PluginInfo(plugin.name(), PluginVersions.version(plugin),
                    PluginVersions.location(plugin).map(Path::toString).orElse("unknown"));
        }
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
