package io.layernas.evaluators.tabular;

import io.layernas.api.Architecture;
import io.layernas.api.BenchmarkKeys;
import io.layernas.api.ConfigurationException;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Evaluator;
import io.layernas.api.Metrics;
import io.layernas.api.SearchSpace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Evaluates an architecture by looking it up in a {@link BenchmarkTable}, as NAS benchmarks are
 * meant to be used: the search sees the validation accuracy (as a fraction, 0..1) and pays the
 * table's training time; the test accuracy is only reported, under {@link Metrics#TEST_ACCURACY}.
 *
 * <p>Reported values: {@code test_accuracy}, {@code valid_accuracy} (mean over seeds), {@code flops},
 * {@code params}, {@code table_index} when the table has them, and {@code simulated_training_time}:
 * 1 when the training time is the configured stand-in {@link Config#secondsPerTrial}, 0 when it
 * comes from the table. Thread-safe.
 */
public final class TableEvaluator implements Evaluator {
    /** {@link Metrics#values()} key: 1 when the training time is a stand-in, not a measurement. */
    public static final String SIMULATED_TIME = "simulated_training_time";

    private final SearchSpace space;
    private final BenchmarkTable table;
    private final Config config;
    private final String objectiveColumn;
    private final String timeColumn;

    /**
     * How to read the table.
     *
     * @param dataset         column prefix of the dataset, e.g. {@code cifar10}, {@code imagenet16}
     * @param metric          the search's measure, {@code valid} (default) or {@code test}
     * @param key             {@link Key#ARCH} to match the space's architecture string, {@link Key#INDEX} the official index
     * @param sampleSeed      false: mean over seeds; true: one seed's value, picked with the request's
     *                        seed (accuracy varies per training trial)
     * @param secondsPerTrial the training time of one trial when the table has no training-time
     *                        column (a simulated cost); NaN when none is configured
     */
    public record Config(String dataset, String metric, Key key, boolean sampleSeed, double secondsPerTrial) {
        public Config {
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(key, "key");
            if (!List.of(TableColumns.VALID, TableColumns.TEST).contains(metric)) {
                throw new IllegalArgumentException("metric must be valid or test, was " + metric);
            }
        }

        /** Mean validation accuracy on {@code dataset}, rows by architecture string, times from the table. */
        public static Config validation(String dataset) {
            return new Config(TableColumns.datasetPrefix(dataset), TableColumns.VALID, Key.ARCH, false, Double.NaN);
        }

        /** This config with a stand-in training time of {@code seconds} per trial. */
        public Config withSecondsPerTrial(double seconds) {
            return new Config(dataset, metric, key, sampleSeed, seconds);
        }

        /** This config drawing one seed's accuracy per evaluation. */
        public Config withSampledSeed() {
            return new Config(dataset, metric, key, true, secondsPerTrial);
        }
    }

    /** How an architecture finds its row. */
    public enum Key {
        /** By the {@code arch} column: {@link BenchmarkKeys#tableKey} or else {@link SearchSpace#format}. */
        ARCH,
        /** By the {@code index} column: {@link BenchmarkKeys#officialIndex}. */
        INDEX
    }

    /**
     * An evaluator of {@code space} over {@code table}.
     *
     * @throws ConfigurationException when the table lacks a column the config needs
     */
    public TableEvaluator(SearchSpace space, BenchmarkTable table, Config config) {
        this.space = space;
        this.table = table;
        this.config = config;
        this.objectiveColumn = TableColumns.of(config.dataset(), config.metric());
        this.timeColumn = timeColumn(table, config);
        requireColumn(objectiveColumn, "the search metric");
        requireColumn(config.key() == Key.ARCH ? TableColumns.ARCH : TableColumns.INDEX, "finding rows");
        if (config.key() == Key.INDEX && !(space instanceof BenchmarkKeys keys
                && keys.officialIndex(space.defaultArchitecture()).isPresent())) {
            throw new ConfigurationException("space '" + space.name() + "' has no official index formula, so rows cannot "
                    + "be found by index. Use key: arch.");
        }
        if (timeColumn == null && !(config.secondsPerTrial() >= 0)) {
            throw new ConfigurationException(table.source() + " has no training-time column ("
                    + TableColumns.of(config.dataset(), TableColumns.TRAIN_SECONDS) + " or train_seconds). Set secondsPerTrial "
                    + "to a stand-in cost per trial, e.g. 1000; it is reported as simulated.");
        }
    }

    @Override
    public Metrics evaluate(EvaluationRequest request) {
        TableRow row = row(request.architecture());
        double objective = objective(row, request.seed());
        double seconds = timeColumn == null ? config.secondsPerTrial() : require(row, timeColumn);
        Map<String, Double> values = new HashMap<>();
        row.value(TableColumns.of(config.dataset(), TableColumns.TEST)).ifPresent(v -> values.put(Metrics.TEST_ACCURACY, v / 100));
        row.value(TableColumns.of(config.dataset(), TableColumns.VALID)).ifPresent(v -> values.put("valid_accuracy", v / 100));
        putFirst(values, "flops", row, TableColumns.of(config.dataset(), TableColumns.FLOPS), TableColumns.FLOPS);
        putFirst(values, "params", row, TableColumns.of(config.dataset(), TableColumns.PARAMS), TableColumns.PARAMS);
        if (row.index() >= 0) {
            values.put("table_index", (double) row.index());
        }
        values.put(SIMULATED_TIME, timeColumn == null ? 1.0 : 0.0);
        return new Metrics(objective, seconds, values);
    }

    /** The table it reads. */
    public BenchmarkTable table() {
        return table;
    }

    /** Its configuration. */
    public Config config() {
        return config;
    }

    /**
     * The row of {@code architecture}.
     *
     * @throws IllegalArgumentException naming the architecture and the table when it has no row
     */
    public TableRow row(Architecture architecture) {
        if (config.key() == Key.INDEX) {
            long index = ((BenchmarkKeys) space).officialIndex(architecture).orElseThrow();
            return table.byIndex(index).orElseThrow(() -> absent(architecture, "index " + index));
        }
        String key = space instanceof BenchmarkKeys keys ? keys.tableKey(architecture) : space.format(architecture);
        return table.byArch(key).orElseThrow(() -> absent(architecture, "arch '" + key + "'"));
    }

    private double objective(TableRow row, long seed) {
        List<Double> seeds = row.seedValues(TableColumns.of(objectiveColumn, "seeds"));
        if (config.sampleSeed() && !seeds.isEmpty()) {
            return seeds.get(new SplittableRandom(seed).nextInt(seeds.size())) / 100;
        }
        return require(row, objectiveColumn) / 100;
    }

    private double require(TableRow row, String column) {
        return row.value(column).orElseThrow(() -> new IllegalStateException(table.source() + ":" + row.line()
                + ": the row has no value in column '" + column + "'; fill it in or drop the row."));
    }

    private IllegalArgumentException absent(Architecture architecture, String key) {
        return new IllegalArgumentException("architecture " + architecture + " of space '" + space.name() + "' (" + key
                + ") is not in " + table + ". Check that the table was made for this space (see docs/benchmark-tables.md)"
                + " and is complete.");
    }

    private void requireColumn(String column, String purpose) {
        if (!table.hasColumn(column)) {
            throw new ConfigurationException(table.source() + " has no column '" + column + "', needed for " + purpose
                    + ". Its columns are " + table.columns() + "; check the evaluator's dataset and metric settings.");
        }
    }

    private static String timeColumn(BenchmarkTable table, Config config) {
        String perDataset = TableColumns.of(config.dataset(), TableColumns.TRAIN_SECONDS);
        if (table.hasColumn(perDataset)) {
            return perDataset;
        }
        return table.hasColumn(TableColumns.TRAIN_SECONDS) ? TableColumns.TRAIN_SECONDS : null;
    }

    private static void putFirst(Map<String, Double> values, String key, TableRow row, String... columns) {
        for (String column : columns) {
            if (row.value(column).isPresent()) {
                values.put(key, row.value(column).getAsDouble());
                return;
            }
        }
    }
}
