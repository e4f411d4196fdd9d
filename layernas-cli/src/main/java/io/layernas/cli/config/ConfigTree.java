package io.layernas.cli.config;

import io.layernas.api.ConfigurationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.configuration2.YAMLConfiguration;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * An experiment file as a tree of {@code LinkedHashMap}s, {@code List}s and scalars, read with
 * Commons Configuration's {@link YAMLConfiguration} (SnakeYAML underneath), and the edits the
 * overrides make to it. Keys keep the file's order. Stateless.
 */
public final class ConfigTree {
    private ConfigTree() {
    }

    /** Reads a YAML experiment file. */
    public static Map<String, Object> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("experiment file " + file + " does not exist. Give the path of a YAML "
                    + "file, e.g. examples/quickstart.yaml.");
        }
        YAMLConfiguration yaml = new YAMLConfiguration();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            yaml.read(reader);
        } catch (IOException | org.apache.commons.configuration2.ex.ConfigurationException | RuntimeException e) {
            throw new ConfigurationException("experiment file " + file + " is not valid YAML: " + rootMessage(e)
                    + " Check the indentation and the 'key: value' form around that line.", e);
        }
        return children(yaml.getNodeModel().getNodeHandler().getRootNode());
    }

    /** The children of a node as a map; a name that repeats (a YAML list) becomes a list. */
    private static Map<String, Object> children(ImmutableNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (ImmutableNode child : node.getChildren()) {
            Object value = child.getChildren().isEmpty() ? child.getValue() : children(child);
            if (!map.containsKey(child.getNodeName())) {
                map.put(child.getNodeName(), value);
            } else if (map.get(child.getNodeName()) instanceof Repeated list) {
                list.add(value);
            } else {
                Repeated list = new Repeated();
                list.add(map.get(child.getNodeName()));
                list.add(value);
                map.put(child.getNodeName(), list);
            }
        }
        return map;
    }

    /**
     * Sets {@code key} ({@code a.b.c}; a numeric part indexes a list, e.g.
     * {@code compare.strategies.1.bucketCount}) to {@code value}, creating sections on the way.
     */
    @SuppressWarnings("unchecked")
    public static void set(Map<String, Object> tree, String key, Object value) {
        String[] parts = key.split("\\.");
        Object node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = get(node, parts[i], key);
            if (!(next instanceof Map) && !(next instanceof List)) {
                next = new LinkedHashMap<String, Object>();
                put(node, parts[i], next, key);
            }
            node = next;
        }
        put(node, parts[parts.length - 1], value, key);
    }

    @SuppressWarnings("unchecked")
    private static Object get(Object node, String part, String key) {
        if (node instanceof List<?> list) {
            return list.get(index(list, part, key));
        }
        return ((Map<String, Object>) node).get(part);
    }

    @SuppressWarnings("unchecked")
    private static void put(Object node, String part, Object value, String key) {
        if (node instanceof List<?> list) {
            ((List<Object>) list).set(index(list, part, key), value);
        } else {
            ((Map<String, Object>) node).put(part, value);
        }
    }

    private static int index(List<?> list, String part, String key) {
        try {
            int index = Integer.parseInt(part);
            if (index >= 0 && index < list.size()) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException("override " + key + ": '" + part + "' must be a list index 0.."
                + (list.size() - 1) + " here.");
    }

    /** Every leaf key of the tree, dotted, with list elements by index. */
    public static Set<String> keys(Map<String, ?> tree) {
        Set<String> keys = new TreeSet<>();
        collect("", tree, keys);
        return keys;
    }

    private static void collect(String prefix, Object node, Set<String> keys) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collect(prefix + k + ".", v, keys));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(prefix + i + ".", list.get(i), keys);
            }
        }
        if (!prefix.isEmpty()) {
            keys.add(prefix.substring(0, prefix.length() - 1));
        }
    }

    /** A deep copy, so edits never reach the original. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> copy(Map<String, ?> tree) {
        Map<String, Object> copy = new LinkedHashMap<>();
        tree.forEach((k, v) -> copy.put(k, copyValue(v)));
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) map;
            return copy(typed);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copyValue(v)));
            return copy;
        }
        return value;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).replaceAll("\\s+", " ").trim() + ".";
    }

    /** A list made from a repeated YAML key. */
    private static final class Repeated extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;
    }
}
