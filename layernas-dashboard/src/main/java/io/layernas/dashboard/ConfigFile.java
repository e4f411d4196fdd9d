package io.layernas.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** A run's {@code config.yaml} as text and as a tree, read with SnakeYAML's safe constructor. Immutable. */
final class ConfigFile {
    private final String text;
    private final Object tree;

    private ConfigFile(String text, Object tree) {
        this.text = text;
        this.tree = tree;
    }

    /** The file, or an empty configuration when it is missing or is not YAML. */
    static ConfigFile read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return new ConfigFile(text, new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
        } catch (IOException | RuntimeException e) {
            return new ConfigFile("", null);
        }
    }

    /** The whole file. */
    String text() {
        return text;
    }

    /** The value at a dotted key, as text, or null. */
    String text(String key) {
        Object value = at(key);
        return value instanceof Map || value == null ? null : String.valueOf(value);
    }

    /** The number at a dotted key. */
    Optional<Double> number(String key) {
        Object value = at(key);
        if (value instanceof Number number) {
            return Optional.of(number.doubleValue());
        }
        try {
            return value == null ? Optional.empty() : Optional.of(Double.parseDouble(String.valueOf(value)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Object at(String key) {
        Object node = tree;
        for (String part : key.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part);
        }
        return node;
    }
}
