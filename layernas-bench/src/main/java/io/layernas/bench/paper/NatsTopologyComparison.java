package io.layernas.bench.paper;

import io.layernas.api.Budget;
import io.layernas.api.CostModel;
import io.layernas.api.Evaluator;
import io.layernas.api.SearchSpace;
import io.layernas.api.TargetRange;
import io.layernas.cli.plugins.PluginKind;
import io.layernas.cli.plugins.PluginRegistry;
import io.layernas.cli.wiring.Plugins;
import io.layernas.core.Problem;
import io.layernas.core.SearchRun;
import io.layernas.core.compare.Comparison;
import io.layernas.core.compare.ComparisonResult;
import io.layernas.core.compare.Optimum;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The paper's NATS-Bench topology comparison (Section 5.2, Table 3): LayerNAS, random search,
 * regularized evolution and PPO on {@code nats-tss}, accuracies looked up in the released
 * 200-epoch table, every strategy from the same seeds under one training-time budget, no cost
 * constraint (Table 3's optima are the optima of the whole space). Plugins are found by name, as
 * the CLI finds them.
 *
 * <p>The table has no training time, so every lookup costs a simulated {@code secondsPerTrial};
 * the budget in seconds divided by it is the number of trainings each run may make.
 */
public final class NatsTopologyComparison {
    /** Where the table lies under the data directory. */
    public static final String TABLE = "natsbench-tss/nats-tss-200ep.csv";
    /** The space of the paper's encoding. */
    public static final String SPACE = "nats-tss";
    /** Architectures of the topology space, in either encoding. */
    private static final int CELLS = 15_625;

    private NatsTopologyComparison() {
    }

    /**
     * Settings of the experiment.
     *
     * @param seeds           runs per strategy (paper's figures: 100)
     * @param workers         runs at once
     * @param budgetSeconds   training seconds per run (paper: 1e5)
     * @param secondsPerTrial simulated training seconds of one lookup
     * @param gridPoints      points of the curves
     * @param sampleSeeds     when true, each lookup returns one training seed's validation accuracy
     *                        drawn at random (as NATS-Bench's API does); when false, the mean over seeds
     * @param defaultOperation the operation of every edge of the default architecture (what LayerNAS
     *                         starts from): {@code none} as the paper's encoding, or another of
     *                         {@link #OPERATIONS}, see {@link DefaultOperation}
     * @param space           the encoding of the cell: {@code nats-tss} (the paper's, one layer per
     *                        node) or {@code nats-tss-edges} (one layer per edge), with its settings
     *                        other than {@code dataset}
     */
    public record Options(int seeds, int workers, double budgetSeconds, double secondsPerTrial, int gridPoints,
                          boolean sampleSeeds, String defaultOperation, double maxFlopsFraction,
                          Map<String, PluginSpec> strategies, PluginSpec space) {
        public Options {
            Objects.requireNonNull(space, "space");
            if (!OPERATIONS.contains(defaultOperation)) {
                throw new IllegalArgumentException("default operation '" + defaultOperation + "' is not one of "
                        + OPERATIONS);
            }
            if (!(maxFlopsFraction > 0)) {
                throw new IllegalArgumentException("FLOPs fraction " + maxFlopsFraction + " must be positive; 1 is no limit");
            }
            strategies = Collections.unmodifiableMap(new LinkedHashMap<>(strategies));
        }

        /** The options on the paper's encoding, {@code nats-tss}. */
        public Options(int seeds, int workers, double budgetSeconds, double secondsPerTrial, int gridPoints,
                       boolean sampleSeeds, String defaultOperation, double maxFlopsFraction,
                       Map<String, PluginSpec> strategies) {
            this(seeds, workers, budgetSeconds, secondsPerTrial, gridPoints, sampleSeeds, defaultOperation,
                    maxFlopsFraction, strategies, PluginSpec.parse(SPACE));
        }

        /** These options with another set of strategies, label -> plugin and settings, in order. */
        public Options withStrategies(Map<String, PluginSpec> newStrategies) {
            return new Options(seeds, workers, budgetSeconds, secondsPerTrial, gridPoints, sampleSeeds, defaultOperation,
                    maxFlopsFraction, newStrategies, space);
        }

        /** These options on another encoding of the cell, e.g. {@code nats-tss-edges}. */
        public Options withSpace(PluginSpec newSpace) {
            return new Options(seeds, workers, budgetSeconds, secondsPerTrial, gridPoints, sampleSeeds, defaultOperation,
                    maxFlopsFraction, strategies, newSpace);
        }

        /** 100 seeds, 2 workers, 1e5 s, 1000 s per lookup (100 trainings per run), 100 points, mean accuracy, none. */
        public static Options paper() {
            return new Options(100, 2, 1e5, 1000, 100, false, "none", 1, NatsTopologyComparison.strategies());
        }
    }

    /** The edge operations of a cell, in the space's order. */
    public static final List<String> OPERATIONS =
            List.of("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3");

    /** The table under {@code dataDirectory}, checked to exist. */
    public static Path table(Path dataDirectory) {
        Path table = dataDirectory.resolve(TABLE);
        if (!Files.isRegularFile(table)) {
            throw new IllegalArgumentException("no NATS-Bench topology table at " + table + ". Pass the directory that "
                    + "holds " + TABLE + " (e.g. ../shared/data; docs/data.md says where to download and how to "
                    + "convert it).");
        }
        return table;
    }

    /** Runs the comparison on one dataset ({@code cifar10}, {@code cifar100} or {@code ImageNet16-120}). */
    public static ComparisonResult run(Path table, String dataset, Options options, Comparison.Progress progress)
            throws Exception {
        Plugins plugins = new Plugins(PluginRegistry.fromClassPath());
        SearchSpace tss = topologySpace(plugins, options.space(), dataset);
        CostModel tssFlops = plugins.costModel(Plugins.choice(PluginKind.COST_MODEL, "nats-flops", Map.of()), tss);
        Map<String, Object> evaluatorSettings = Map.of("path", table.toString(), "metric", "valid",
                "secondsPerTrial", options.secondsPerTrial(), "seeds", options.sampleSeeds() ? "sample" : "mean");
        try (Evaluator lookups = plugins.evaluator(Plugins.choice(PluginKind.EVALUATOR, "table", evaluatorSettings),
                tss)) {
            int operation = OPERATIONS.indexOf(options.defaultOperation());
            DefaultOperation setup = operation == 0 ? new DefaultOperation(tss, tssFlops, lookups)
                    : DefaultOperation.of(tss, tssFlops, lookups, operation);
            SearchSpace space = setup.space();
            CostModel flops = setup.costModel();
            Evaluator evaluator = setup.evaluator();
            TargetRange target = options.maxFlopsFraction() >= 1 ? TargetRange.unconstrained()
                    : TargetRange.atMost(options.maxFlopsFraction()
                        * flops.range(space.defaultArchitecture(), 0, space.layerCount()).max());
            Comparison.Builder builder = Comparison.builder().run(SearchRun.builder().problem(new Problem(space, flops,
                            target, Budget.trainingSeconds(options.budgetSeconds()))))
                    .evaluator(evaluator).seeds(options.seeds())
                    .workers(options.workers()).gridPoints(options.gridPoints()).progress(progress)
                    .optimum(Optimum.byEnumeration(space, flops, evaluator, target, 20_000))
                    .provenance(provenance(table, dataset, options));
            for (Map.Entry<String, PluginSpec> strategy : options.strategies().entrySet()) {
                builder.strategy(strategy.getKey(), plugins.strategy(Plugins.choice(PluginKind.STRATEGY,
                        strategy.getValue().plugin(), strategy.getValue().settings())));
            }
            return builder.build().run();
        }
    }

    private static SearchSpace topologySpace(Plugins plugins, PluginSpec spec, String dataset) {
        Map<String, Object> settings = new LinkedHashMap<>(spec.settings());
        settings.put("dataset", dataset);
        SearchSpace space = plugins.space(Plugins.choice(PluginKind.SPACE, spec.plugin(), settings));
        if (space.architectureCount() != CELLS) {
            throw new IllegalArgumentException("space '" + spec.plugin() + "' has " + space.architectureCount()
                    + " architectures, not the " + CELLS + " cells of the NATS-Bench topology table; use nats-tss or "
                    + "nats-tss-edges");
        }
        return space;
    }

    /** Label -> strategy, in the order the paper's table lists them, then TPE. */
    static Map<String, PluginSpec> strategies() {
        return parseStrategies("RS=random,RE=evolution,PPO=ppo,TPE=tpe,LayerNAS=layernas");
    }

    /** A plugin and its settings, written {@code plugin[?key=value&key=value]}. */
    public record PluginSpec(String plugin, Map<String, Object> settings) {
        public PluginSpec {
            settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        }

        /** Reads {@code plugin[?key=value&key=value]}, e.g. {@code nats-tss-edges?order=1<-0,2<-1,3<-2,2<-0,3<-0,3<-1}. */
        public static PluginSpec parse(String text) {
            String[] pluginAndSettings = text.split("\\?", 2);
            Map<String, Object> settings = new LinkedHashMap<>();
            if (pluginAndSettings.length == 2) {
                for (String pair : pluginAndSettings[1].split("&")) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length != 2) {
                        throw new IllegalArgumentException("setting '" + pair + "' of '" + text + "' is not key=value");
                    }
                    settings.put(kv[0], kv[1]);
                }
            }
            return new PluginSpec(pluginAndSettings[0], settings);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(plugin);
            settings.forEach((key, value) -> text.append(text.length() == plugin.length() ? '?' : '&')
                    .append(key).append('=').append(value));
            return text.toString();
        }
    }

    /**
     * Reads {@code label=plugin[?key=value&key=value],...}, e.g.
     * {@code RS=random,LN-paper=layernas?preset=paper}; the order is kept.
     */
    public static Map<String, PluginSpec> parseStrategies(String text) {
        Map<String, PluginSpec> strategies = new LinkedHashMap<>();
        for (String item : text.split(",")) {
            String[] labelAndRest = item.split("=", 2);
            if (labelAndRest.length != 2) {
                throw new IllegalArgumentException("strategy '" + item + "' is not label=plugin[?key=value&...]");
            }
            strategies.put(labelAndRest[0], PluginSpec.parse(labelAndRest[1]));
        }
        return strategies;
    }

    private static Map<String, String> provenance(Path table, String dataset, Options options) {
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("experiment", "paper Table 3: NATS-Bench topology search");
        provenance.put("dataset", dataset);
        provenance.put("space", options.space().toString());
        provenance.put("table", table.toAbsolutePath().normalize().toString());
        provenance.put("secondsPerTrial", options.secondsPerTrial() + " (simulated: the table has no training time)");
        provenance.put("seedsMode", options.sampleSeeds() ? "sample" : "mean");
        provenance.put("defaultOperation", options.defaultOperation());
        provenance.put("maxFlopsFraction", Double.toString(options.maxFlopsFraction()));
        return provenance;
    }
}
