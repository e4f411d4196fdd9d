package io.layernas.cli.config;

import io.layernas.api.ConfigurationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.apache.commons.configuration2.MapConfiguration;

/**
 * Values that override the experiment file, highest priority first: {@code -D key=value} on the
 * command line, JVM system properties ({@code -Dsearch.bucketCount=50} in {@code JAVA_OPTS}), and
 * environment variables ({@code LAYERNAS_SEARCH_BUCKETCOUNT=50}). Combined with Commons
 * Configuration's {@link CompositeConfiguration}, which answers each key from the first source
 * that has it. Values are text; the typed getters of {@link io.layernas.api.Settings} convert them.
 */
public final class Overrides {
    /** Prefix of the environment variables that override keys. */
    public static final String ENV_PREFIX = "LAYERNAS_";

    private final Map<String, String> commandLine;
    private final Map<String, String> systemProperties;
    private final Map<String, String> environment;

    /**
     * @param commandLine      {@code -D} values of the command
     * @param systemProperties the JVM's system properties; only keys of experiment sections are used
     * @param environment      the environment; only {@code LAYERNAS_<SECTION>_...} variables are used
     */
    public Overrides(Map<String, String> commandLine, Map<String, String> systemProperties,
                     Map<String, String> environment) {
        this.commandLine = Map.copyOf(commandLine);
        this.systemProperties = Map.copyOf(systemProperties);
        this.environment = Map.copyOf(environment);
    }

    /** Only the command line's values. */
    public static Overrides commandLineOnly(Map<String, String> commandLine) {
        return new Overrides(commandLine, Map.of(), Map.of());
    }

    /** The command line's values, this JVM's system properties and this process's environment. */
    public static Overrides ofProcess(Map<String, String> commandLine) {
        Map<String, String> system = new TreeMap<>();
        System.getProperties().forEach((k, v) -> system.put(String.valueOf(k), String.valueOf(v)));
        return new Overrides(commandLine, system, System.getenv());
    }

    /** Applies the overrides to {@code tree}; returns the overridden keys with their new values. */
    public Map<String, String> applyTo(Map<String, Object> tree) {
        CompositeConfiguration composite = new CompositeConfiguration();
        composite.addConfiguration(new MapConfiguration(new LinkedHashMap<>(commandLine)));
        composite.addConfiguration(new MapConfiguration(sectionKeys(systemProperties)));
        composite.addConfiguration(new MapConfiguration(environmentKeys(tree)));
        Map<String, String> applied = new TreeMap<>();
        for (Iterator<String> keys = composite.getKeys(); keys.hasNext(); ) {
            String key = keys.next();
            checkSection(key);
            String value = composite.getString(key);
            ConfigTree.set(tree, key, typed(value));
            applied.put(key, value);
        }
        return applied;
    }

    /** A whole number or a decimal as a number, so the resolved config reads like YAML; else the text. */
    static Object typed(String value) {
        String text = value.trim();
        if (text.matches("-?[0-9]{1,18}")) {
            long number = Long.parseLong(text);
            return number == (int) number ? (Object) (int) number : (Object) number;
        }
        if (text.matches("-?[0-9]{19,400}")) {
            java.math.BigInteger number = new java.math.BigInteger(text); // checked against each key's range later
            return number.bitLength() < 64 ? (Object) number.longValueExact() : number;
        }
        if (text.matches("-?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
            return Double.parseDouble(text);
        }
        return value;
    }

    private static Map<String, Object> sectionKeys(Map<String, String> properties) {
        Map<String, Object> keys = new TreeMap<>();
        properties.forEach((key, value) -> {
            if (Defaults.SECTIONS.contains(key.split("\\.", 2)[0]) && key.contains(".")) {
                keys.put(key, value);
            }
        });
        return keys;
    }

    /** {@code LAYERNAS_SEARCH_BUCKETCOUNT} -> {@code search.bucketCount}, matched against the keys known. */
    private Map<String, Object> environmentKeys(Map<String, Object> tree) {
        Set<String> known = ConfigTree.keys(tree);
        known.addAll(Defaults.KEYS.keySet());
        Map<String, Object> keys = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (!name.startsWith(ENV_PREFIX)) {
                return;
            }
            String suffix = name.substring(ENV_PREFIX.length());
            if (!Defaults.SECTIONS.contains(suffix.split("_", 2)[0].toLowerCase(Locale.ROOT))) {
                return;
            }
            keys.put(keyOf(name, normalise(suffix), known), value);
        });
        return keys;
    }

    private static String keyOf(String variable, String normalised, Set<String> known) {
        for (String key : known) {
            if (normalise(key).equals(normalised)) {
                return key;
            }
        }
        Map<String, String> byVariable = new TreeMap<>();
        known.forEach(key -> byVariable.put(variableOf(key), key));
        String hint = Names.closest(variable, byVariable.keySet())
                .map(v -> " Did you mean " + v + " (" + byVariable.get(v) + ")?").orElse("");
        throw new ConfigurationException("environment variable " + variable + " names no key of this experiment."
                + hint + " Environment variables override keys the experiment file sets or that have defaults "
                + "(docs/configuration.md); for any other key use -D section.key=value.");
    }

    /** The environment variable that overrides {@code key}. */
    public static String variableOf(String key) {
        return ENV_PREFIX + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static String normalise(String key) {
        return key.replace(".", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static void checkSection(String key) {
        String section = key.split("\\.", 2)[0];
        if (!Defaults.SECTIONS.contains(section) || !key.contains(".")) {
            throw new ConfigurationException("override " + key + " names no setting: keys look like section.key, "
                    + "e.g. search.bucketCount, with section one of " + Defaults.SECTIONS + "."
                    + Names.didYouMean(section, Defaults.SECTIONS));
        }
    }
}
