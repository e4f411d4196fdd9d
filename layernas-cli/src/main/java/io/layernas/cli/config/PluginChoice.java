package io.layernas.cli.config;

import io.layernas.api.Settings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A plugin named in the experiment, with its section's settings.
 *
 * @param kind          what it is, for messages: {@code space}, {@code cost model}, {@code evaluator}, {@code strategy}
 * @param section       the YAML path of its section, e.g. {@code search} or {@code compare.strategies.1}
 * @param nameKey       the key that names it in the section ({@code name}, or {@code strategy} in {@code search})
 * @param name          the plugin's short name
 * @param values        the section's other keys: the plugin's settings
 * @param baseDirectory relative paths in the settings resolve against it (the experiment file's directory)
 */
public record PluginChoice(String kind, String section, String nameKey, String name, Map<String, Object> values,
                           Path baseDirectory) {
    public PluginChoice {
        Objects.requireNonNull(name, "name");
        values = ConfigTree.copy(values);
    }

    /** Fresh settings of the plugin (settings remember which keys were read, so each creation gets its own). */
    public Settings settings() {
        return new Settings(section, values, baseDirectory);
    }

    /** {@code strategy 'layernas'}: the owner named in messages. */
    public String owner() {
        return kind + " '" + name + "'";
    }

    /** The full key of the name, e.g. {@code space.name}. */
    public String nameKeyPath() {
        return section + "." + nameKey;
    }
}
