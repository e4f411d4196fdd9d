package io.layernas.cli.config;

import io.layernas.api.ConfigurationException;
import io.layernas.api.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A resolved experiment: the file, overrides applied, split into its sections. Plugin sections
 * stay settings for their plugins; the experiment's own sections are typed and checked here.
 *
 * @param file     the experiment file (relative paths in plugin settings resolve against its directory)
 * @param resolved the whole configuration after overrides, as maps, lists and scalars
 * @param space    {@code space}
 * @param cost     {@code cost}
 * @param evaluator {@code evaluator}
 * @param executor {@code executor}: where candidates are evaluated ({@code local} when absent)
 * @param strategy {@code search}
 * @param target   {@code target}
 * @param budget   {@code budget}
 * @param run      {@code run}
 * @param compare  {@code compare}, or {@code null}
 */
public record ExperimentConfig(Path file, Map<String, Object> resolved, PluginChoice space, PluginChoice cost,
                               PluginChoice evaluator, PluginChoice executor, PluginChoice strategy, TargetSpec target,
                               BudgetConfig budget, RunConfig run, CompareConfig compare) {
    public ExperimentConfig {
        Objects.requireNonNull(file, "file");
        resolved = ConfigTree.copy(resolved);
    }

    /** Reads {@code file} and applies {@code overrides}. */
    public static ExperimentConfig load(Path file, Overrides overrides) {
        Map<String, Object> tree = ConfigTree.read(file);
        overrides.applyTo(tree);
        return of(file, tree);
    }

    /** The experiment of a resolved tree. */
    public static ExperimentConfig of(Path file, Map<String, Object> tree) {
        Path base = file.toAbsolutePath().getParent();
        for (String key : tree.keySet()) {
            if (!Defaults.SECTIONS.contains(key)) {
                throw new ConfigurationException(key + " is not a section of an experiment." + Names.didYouMean(key,
                        Defaults.SECTIONS) + " Sections: " + Defaults.SECTIONS + ".");
            }
        }
        return new ExperimentConfig(file, tree,
                plugin("space", "space", "name", section(tree, "space", "name"), null, base),
                plugin("cost model", "cost", "name", section(tree, "cost", "name"), null, base),
                plugin("evaluator", "evaluator", "name", section(tree, "evaluator", "name"), null, base),
                plugin("executor", "executor", "name", section(tree, "executor", "name"), Defaults.EXECUTOR, base),
                plugin("strategy", "search", "strategy", section(tree, "search", "strategy"), Defaults.STRATEGY, base),
                tree.containsKey("target") ? TargetSpec.from(settings(tree, "target", base)) : TargetSpec.none(),
                BudgetConfig.from(settings(tree, "budget", base)),
                RunConfig.from(settings(tree, "run", base)),
                CompareConfig.from(tree.get("compare"), base));
    }

    /** A section as a map; {@code space: nats-sss} is short for {@code space: {name: nats-sss}}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> tree, String key, String nameKey) {
        Object value = tree.get(key);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        if (value instanceof String name) {
            return Map.of(nameKey, name);
        }
        throw new ConfigurationException(key + " must be a section of key: value lines, e.g. " + key + ": {"
                + nameKey + ": ...}; was '" + value + "'.");
    }

    private static Settings settings(Map<String, Object> tree, String key, Path base) {
        return new Settings(key, section(tree, key, "name"), base);
    }

    /** The plugin a section names in {@code nameKey}, the rest being its settings. */
    static PluginChoice plugin(String kind, String path, String nameKey, Map<String, Object> section, String fallback,
                               Path base) {
        Object name = section.get(nameKey);
        if ((name == null || name.toString().isBlank()) && fallback == null) {
            throw new ConfigurationException(path + "." + nameKey + " is missing. Name the " + kind + " to use, e.g. "
                    + path + ": {" + nameKey + ": " + example(kind) + "}; './layernas plugins' lists them all.");
        }
        Map<String, Object> values = new LinkedHashMap<>(section);
        values.remove(nameKey);
        return new PluginChoice(kind, path, nameKey, name == null ? fallback : name.toString(), values, base);
    }

    private static String example(String kind) {
        return switch (kind) {
            case "space" -> "nats-sss";
            case "cost model" -> "nats-flops";
            case "evaluator" -> "synthetic";
            default -> Defaults.STRATEGY;
        };
    }

    /** The config file's name without {@code .yaml}/{@code .yml}. */
    public String name() {
        String fileName = file.getFileName().toString();
        return fileName.replaceFirst("\\.(ya?ml)$", "");
    }

    /** This experiment with {@code search} replaced by {@code other} (for comparisons). */
    public ExperimentConfig withStrategy(PluginChoice other) {
        return new ExperimentConfig(file, resolved, space, cost, evaluator, executor, other, target, budget, run,
                compare);
    }

    /** This experiment with another seed. */
    public ExperimentConfig withSeed(long seed) {
        return new ExperimentConfig(file, resolved, space, cost, evaluator, executor, strategy, target, budget,
                run.withSeed(seed), compare);
    }
}
