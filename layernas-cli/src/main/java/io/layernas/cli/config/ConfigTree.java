package io.layernas.cli.config;

import io.layernas.api.ConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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
import org.yaml.snakeyaml.LoaderOptions;

/**
 * An experiment file as a tree of {@code LinkedHashMap}s, {@code List}s and scalars, read with
 * Commons Configuration's {@link YAMLConfiguration} (SnakeYAML underneath), and the edits the
 * overrides make to it. Keys keep the file's order. Stateless.
 */
public final class ConfigTree {
    private ConfigTree() {
    }

    /** Largest experiment file read, in bytes: experiment files are a few kilobytes. */
    public static final long MAX_FILE_BYTES = 1L << 20;

    /**
     * Reads a YAML experiment file. Fails, naming the file, when it is a directory, larger than
     * {@link #MAX_FILE_BYTES}, not UTF-8 text, or not YAML, and when a key appears twice in one
     * section (YAML would keep only the last). Lists stay lists, one element long or not.
     */
    public static Map<String, Object> read(Path file) {
        String text = text(file);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit((int) MAX_FILE_BYTES);
        Capturing yaml = new Capturing();
        try {
            yaml.read(new StringReader(text), options);
        } catch (org.apache.commons.configuration2.ex.ConfigurationException | RuntimeException e) {
            throw new ConfigurationException("experiment file " + file + " is not valid YAML: " + rootMessage(e)
                    + " Check the indentation and the 'key: value' form around that line.", e);
        }
        return yaml.tree == null ? new LinkedHashMap<>() : copy(yaml.tree);
    }

    private static String text(Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigurationException("experiment file " + file + " is a directory. Give the YAML file, e.g. "
                    + file.resolve("config.yaml") + " or examples/quickstart.yaml.");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("experiment file " + file + " does not exist. Give the path of a YAML "
                    + "file, e.g. examples/quickstart.yaml.");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new ConfigurationException("experiment file " + file + " has " + size + " bytes, more than the "
                        + MAX_FILE_BYTES + " an experiment file may have. Is it the right file? Data belongs in "
                        + "files that settings point to, not in the experiment file.");
            }
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            if (text.indexOf('\0') >= 0) {
                throw new CharacterCodingException();
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new ConfigurationException("experiment file " + file + " is not UTF-8 text (a binary file?). Give "
                    + "a YAML file, e.g. examples/quickstart.yaml.", e);
        } catch (IOException e) {
            throw new ConfigurationException("experiment file " + file + " cannot be read: " + e + ".", e);
        }
    }

    /** Keeps the tree SnakeYAML built, in which a one-element list is still a list. */
    private static final class Capturing extends YAMLConfiguration {
        private Map<String, Object> tree;

        @Override
        protected void load(Map<String, Object> map) {
            tree = map;
            super.load(map);
        }
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
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) tree).entrySet()) {
            copy.put(String.valueOf(entry.getKey()), copyValue(entry.getValue())); // YAML allows keys like 1
        }
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
}
