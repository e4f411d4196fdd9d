package io.layernas.cli.config;

import io.layernas.api.ConfigurationException;
import io.layernas.api.Settings;
import io.layernas.core.HeapLimit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code compare} section: strategies run on the same space, cost model, target, evaluator
 * and budget, each with {@code seeds} seeds ({@code run.seed}, {@code run.seed + 1}, ...).
 *
 * @param strategies the strategies, each a section like {@code search}
 * @param labels     the name of each strategy in tables and plots ({@code label}, default the strategy's name)
 * @param seeds      seeds per strategy
 * @param gridPoints points of the grid the curves are sampled on
 * @param axis       the curves' x-axis: {@code trainingSeconds}, {@code evaluations}, or {@code null} for
 *                   training seconds when the budget limits them, else evaluations
 */
public record CompareConfig(List<PluginChoice> strategies, List<String> labels, int seeds, int gridPoints,
                            String axis) {
    public CompareConfig {
        strategies = List.copyOf(strategies);
        labels = List.copyOf(labels);
    }

    /** Reads the section; {@code null} when the experiment has none. */
    @SuppressWarnings("unchecked")
    public static CompareConfig from(Object section, Path baseDirectory) {
        if (section == null) {
            return null;
        }
        if (!(section instanceof Map<?, ?> map)) {
            throw new ConfigurationException("compare must be a section, e.g. compare: {strategies: [{strategy: "
                    + "layernas}, {strategy: random}], seeds: 10}; was '" + section + "'.");
        }
        Settings settings = new Settings("compare", (Map<String, ?>) map, baseDirectory);
        SectionReader reader = new SectionReader(settings);
        Object listed = settings.raw("strategies");
        int seeds = (int) reader.between("seeds", Defaults.COMPARE_SEEDS, 1, Defaults.MAX_COMPARE_SEEDS);
        int grid = (int) reader.between("gridPoints", Defaults.COMPARE_GRID_POINTS, 2,
                Defaults.MAX_COMPARE_GRID_POINTS);
        String axis = settings.has("axis")
                ? settings.getChoice("axis", null, List.of("trainingSeconds", "evaluations")) : null;
        reader.requireAllUsed("compare");
        List<Map<String, Object>> sections = sections(listed);
        List<PluginChoice> strategies = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            Map<String, Object> entry = new java.util.LinkedHashMap<>(sections.get(i));
            entry.remove("label");
            strategies.add(ExperimentConfig.plugin("strategy", "compare.strategies." + i, "strategy", entry,
                    Defaults.STRATEGY, baseDirectory));
        }
        checkCurvesFit(seeds, grid, strategies.size());
        return new CompareConfig(strategies, labels(strategies, sections), seeds, grid, axis);
    }

    /** Each run's best-so-far curve keeps a value per grid point, and all are held for the bands. */
    private static void checkCurvesFit(int seeds, int grid, int strategies) {
        try {
            HeapLimit.check("compare.seeds (" + seeds + ") with compare.gridPoints (" + grid + ") and " + strategies
                    + " strategies", (double) seeds * grid * Math.max(1, strategies) * CURVE_POINT_BYTES,
                    HeapLimit.maxHeap(), "for the curves", "Lower them");
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }

    /** Bytes one point of one run's curve takes: its time and value. */
    private static final long CURVE_POINT_BYTES = 16;

    private static List<String> labels(List<PluginChoice> strategies, List<Map<String, Object>> sections) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < strategies.size(); i++) {
            PluginChoice choice = strategies.get(i);
            Object label = sections.get(i).get("label");
            String name = label == null ? choice.name() : label.toString();
            if (labels.contains(name)) {
                throw new ConfigurationException(choice.section() + ": two strategies are called '" + name
                        + "'. Give each a label, e.g. {strategy: " + choice.name() + ", label: " + choice.name()
                        + "-2, ...}.");
            }
            if (name.isBlank() || name.matches("(?s).*[,\"\\n\\r].*")) {
                throw new ConfigurationException(choice.section() + ".label (" + name + ") must be non-blank, "
                        + "without commas, quotes or line breaks.");
            }
            labels.add(name);
        }
        return labels;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sections(Object listed) {
        List<?> items = listed instanceof List<?> list ? list : listed == null ? List.of() : List.of(listed);
        if (items.isEmpty()) {
            throw new ConfigurationException("compare.strategies is missing. List the strategies to compare, e.g. "
                    + "strategies: [{strategy: layernas}, {strategy: random}].");
        }
        List<Map<String, Object>> sections = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i) instanceof String name ? Map.of("strategy", name) : items.get(i);
            if (!(item instanceof Map<?, ?> map)) {
                throw new ConfigurationException("compare.strategies." + i + " (" + item + ") must be a section like "
                        + "{strategy: layernas, bucketCount: 100}.");
            }
            sections.add((Map<String, Object>) map);
        }
        return sections;
    }
}
