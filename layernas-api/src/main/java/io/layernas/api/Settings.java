package io.layernas.api;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The settings of one plugin, one section of the experiment's YAML (e.g. {@code search}), with
 * typed getters whose errors name the full key, the value and a fix.
 *
 * <p>The settings remember which keys were read, so that after a plugin is created the caller can
 * report keys nobody read as unknown ({@link #requireAllUsed}). Values may be strings (overrides
 * from the command line) and are converted. Thread-safe.
 */
public final class Settings {
    private final String section;
    private final Map<String, Object> values;
    private final Path baseDirectory;
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final Map<String, String> fallbacks = new ConcurrentHashMap<>();

    /**
     * @param section       the YAML path of this section, used in messages, e.g. {@code search}
     * @param values        the section's values; nested maps are allowed
     * @param baseDirectory relative paths are resolved against it (the config file's directory)
     */
    public Settings(String section, Map<String, ?> values, Path baseDirectory) {
        this.section = section;
        this.values = new LinkedHashMap<>(values);
        this.baseDirectory = baseDirectory;
    }

    /** Empty settings, for tests and defaults. */
    public static Settings empty(String section) {
        return new Settings(section, Map.of(), Path.of("."));
    }

    /** Settings from a map, paths relative to the working directory. */
    public static Settings of(String section, Map<String, ?> values) {
        return new Settings(section, values, Path.of("."));
    }

    /** The YAML path of the section. */
    public String section() {
        return section;
    }

    /** The full key of {@code key}, as messages print it. */
    public String keyOf(String key) {
        return section.isEmpty() ? key : section + "." + key;
    }

    /** True when the key is set. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The raw value or {@code null}; marks the key as used. */
    public Object raw(String key) {
        used.add(key);
        return values.get(key);
    }

    /** A string value. */
    public String getString(String key, String fallback) {
        remember(key, fallback);
        Object value = raw(key);
        return value == null ? fallback : value.toString();
    }

    /** A string value that must be present. */
    public String requireString(String key, String hint) {
        String value = getString(key, null);
        if (value == null || value.isBlank()) {
            throw new ConfigurationException(keyOf(key) + " is missing. " + hint);
        }
        return value;
    }

    /**
     * An integer value. A value that is not a whole number in the {@code int} range fails with the
     * key and the range; it never wraps or clamps.
     */
    public int getInt(String key, int fallback) {
        return getInt(key, fallback, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** An integer value from {@code min} to {@code max}, both inclusive. */
    public int getInt(String key, int fallback, int min, int max) {
        return (int) getLong(key, fallback, min, max);
    }

    /**
     * A whole number of at least 1 (a count or a size); anything less fails with the key, e.g.
     * {@code space.layers (0) must be at least 1, like 4.}
     */
    public int getPositiveInt(String key, int fallback) {
        int value = getInt(key, fallback);
        if (value < 1) {
            throw new ConfigurationException(keyOf(key) + " (" + value + ") must be at least 1, like " + fallback + ".");
        }
        return value;
    }

    /** A long value; like {@link #getInt(String, int)}, never wrapped or clamped. */
    public long getLong(String key, long fallback) {
        return getLong(key, fallback, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * A long value from {@code min} to {@code max}, both inclusive. Accepts exact forms like
     * {@code 2e5}; {@code 1.5}, {@code 1e20} (beyond the range) and NaN fail with the key and the range.
     */
    public long getLong(String key, long fallback, long min, long max) {
        remember(key, fallback);
        Object value = raw(key);
        if (value == null) {
            return fallback;
        }
        java.math.BigDecimal exact = decimal(value);
        if (exact == null) {
            throw new ConfigurationException(keyOf(key) + " (" + value + ") must be a whole number, like " + fallback
                    + ".");
        }
        if (exact.stripTrailingZeros().scale() > 0
                || exact.compareTo(java.math.BigDecimal.valueOf(min)) < 0
                || exact.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            throw new ConfigurationException(keyOf(key) + " (" + value + ") must be a whole number from " + min
                    + " to " + max + ", like " + fallback + ".");
        }
        return exact.longValueExact();
    }

    /** The exact value of a number or its text, or null when it is none (NaN and infinities are none). */
    private static java.math.BigDecimal decimal(Object value) {
        if (value instanceof java.math.BigDecimal big) {
            return big;
        }
        if (value instanceof java.math.BigInteger big) {
            return new java.math.BigDecimal(big);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? new java.math.BigDecimal(number) : null;
        }
        if (value instanceof Number number) {
            return java.math.BigDecimal.valueOf(number.longValue());
        }
        try {
            String text = value.toString().trim();
            return text.length() > 400 ? null : new java.math.BigDecimal(text.replace("_", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A finite number; accepts forms like {@code 2e5}. NaN and infinities fail with the key: a
     * setting that allows an infinity reads it with {@link #getDoubleOrInfinity}.
     */
    public double getDouble(String key, double fallback) {
        double value = getDoubleOrInfinity(key, fallback);
        if (Double.isInfinite(value) && has(key)) {
            throw new ConfigurationException(keyOf(key) + " (" + raw(key) + ") must be a finite number, like "
                    + fallback + ".");
        }
        return value;
    }

    /**
     * A number or an infinity, written {@code inf}, {@code -inf}, {@code infinity} or YAML's
     * {@code .inf} (any case). NaN is never a value: it fails with the key; leave the key out instead.
     */
    public double getDoubleOrInfinity(String key, double fallback) {
        remember(key, fallback);
        Object value = raw(key);
        if (value == null) {
            return fallback;
        }
        double number = value instanceof Number n ? n.doubleValue() : parseDouble(value.toString());
        if (Double.isNaN(number)) {
            throw new ConfigurationException(keyOf(key) + " (" + value + ") must be a number"
                    + (Double.isNaN(fallback) ? ", or left out" : ", like " + fallback) + ".");
        }
        return number;
    }

    private static double parseDouble(String value) {
        String text = value.trim().toLowerCase(java.util.Locale.ROOT);
        String sign = text.startsWith("-") ? "-" : "";
        String unsigned = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        if (List.of("inf", "infinity", ".inf").contains(unsigned)) {
            return sign.isEmpty() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        if (!unsigned.matches("[0-9_.]+(e[-+]?[0-9]+)?") || text.length() > 400) {
            return Double.NaN; // "nan", hex floats, words: not a number a person writes in a config
        }
        try {
            return Double.parseDouble(text.replace("_", ""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A boolean value: true/false/yes/no. */
    public boolean getBoolean(String key, boolean fallback) {
        remember(key, fallback);
        Object value = raw(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        String text = value.toString().trim().toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ConfigurationException(keyOf(key) + " (" + value + ") must be true or false.");
        };
    }

    /** A path, resolved against the base directory when relative. */
    public Path getPath(String key, String fallback) {
        String value = getString(key, fallback);
        if (value == null) {
            return null;
        }
        Path resolved = baseDirectory.resolve(value).normalize();
        // "." against "." normalises to the empty path, which no file API accepts.
        return resolved.toString().isEmpty() ? Path.of(".") : resolved;
    }

    /** One of {@code allowed} (compared case-insensitively), returned as listed there. */
    public String getChoice(String key, String fallback, List<String> allowed) {
        String value = getString(key, fallback);
        for (String option : allowed) {
            if (option.equalsIgnoreCase(value)) {
                return option;
            }
        }
        throw new ConfigurationException(keyOf(key) + " (" + value + ") must be one of " + allowed + ".");
    }

    /** A list of strings; a single value or a comma-separated string becomes a list. */
    public List<String> getList(String key, List<String> fallback) {
        remember(key, fallback);
        Object value = raw(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(value.toString().split("\\s*,\\s*"));
    }

    /** A nested section, e.g. {@code settings.section("latency")}. */
    @SuppressWarnings("unchecked")
    public Settings section(String key) {
        Object value = raw(key);
        if (value == null) {
            return new Settings(keyOf(key), Map.of(), baseDirectory);
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ConfigurationException(keyOf(key) + " must be a section of key: value lines, was '" + value + "'.");
        }
        return new Settings(keyOf(key), (Map<String, ?>) map, baseDirectory);
    }

    /**
     * Builds a plugin's object from values read here, turning the {@link IllegalArgumentException}
     * of a value record's check (e.g. {@code "bucketCount (0) must be positive..."}) into a
     * {@link ConfigurationException} that names the full key ({@code search.bucketCount (0) ...}).
     */
    public <T> T build(java.util.function.Supplier<T> factory) {
        try {
            return factory.get();
        } catch (ConfigurationException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(keyOf(e.getMessage()), e);
        }
    }

    /**
     * A settings record read whole: each component is the key of its name ({@code int}, {@code long},
     * {@code double}, {@code boolean} or {@code String}, read with this class's getters), with the
     * component of {@code defaults} as its default; then the record is made as {@link #build} makes
     * objects, so its check's message gets the full key. A plugin whose YAML keys are its settings
     * record's component names reads them all with {@code settings.getRecord(Config.defaults())}.
     *
     * @throws IllegalStateException when a component has another type (a mistake in the plugin)
     */
    @SuppressWarnings("unchecked")
    public <R extends Record> R getRecord(R defaults) {
        java.lang.reflect.RecordComponent[] components = defaults.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = get(components[i].getName(), types[i], invoke(components[i].getAccessor(), defaults));
        }
        return build(() -> {
            try {
                return (R) defaults.getClass().getDeclaredConstructor(types).newInstance(values);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make " + defaults.getClass().getName() + ": " + e, e);
            }
        });
    }

    private Object get(String key, Class<?> type, Object fallback) {
        if (type == int.class) {
            return getInt(key, (Integer) fallback);
        } else if (type == long.class) {
            return getLong(key, (Long) fallback);
        } else if (type == double.class) {
            return getDouble(key, (Double) fallback);
        } else if (type == boolean.class) {
            return getBoolean(key, (Boolean) fallback);
        } else if (type == String.class) {
            return getString(key, (String) fallback);
        }
        throw new IllegalStateException("setting " + keyOf(key) + " has type " + type.getName() + ", which getRecord "
                + "does not read: read it with its own getter.");
    }

    private static Object invoke(java.lang.reflect.Method accessor, Object target) {
        try {
            return accessor.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + accessor + ": " + e, e);
        }
    }

    /** The directory relative paths are resolved against. */
    public Path baseDirectory() {
        return baseDirectory;
    }

    /** All keys of this section. */
    public Set<String> keys() {
        return new TreeSet<>(values.keySet());
    }

    /**
     * The keys read so far with the default each getter was given ({@code ""} when it had none):
     * after a plugin's {@code create}, its settings. Documentation is generated from this.
     */
    public Map<String, String> readSettings() {
        Map<String, String> read = new java.util.TreeMap<>();
        for (String key : used) {
            read.put(key, fallbacks.getOrDefault(key, ""));
        }
        return read;
    }

    private void remember(String key, Object fallback) {
        if (fallback != null) {
            fallbacks.putIfAbsent(key, fallback instanceof List<?> list ? String.join(", ",
                    list.stream().map(String::valueOf).toList()) : String.valueOf(fallback));
        }
    }

    /** Keys present but never read. */
    public Set<String> unusedKeys() {
        Set<String> unused = new TreeSet<>(values.keySet());
        unused.removeAll(used);
        return unused;
    }

    /**
     * Fails when a key was never read: it is misspelt or does not belong to {@code owner}.
     *
     * @param owner what the section configures, e.g. {@code strategy 'layernas'}
     */
    public void requireAllUsed(String owner) {
        Set<String> unused = unusedKeys();
        if (!unused.isEmpty()) {
            Set<String> known = new TreeSet<>(used);
            throw new ConfigurationException(keyOf(unused.iterator().next()) + " is not a setting of " + owner
                    + ". Known settings: " + (known.isEmpty() ? "none" : known) + ".");
        }
    }

    /** The values, as given. */
    public Map<String, Object> asMap() {
        return Map.copyOf(values);
    }
}
