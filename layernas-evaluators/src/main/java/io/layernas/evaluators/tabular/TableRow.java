package io.layernas.evaluators.tabular;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One architecture of a {@link BenchmarkTable}. Accuracies are in percent as the benchmarks
 * publish them, FLOPs in MFLOPs, parameters in millions, times in seconds.
 *
 * @param line   the 1-based line of the file it came from
 * @param index  the official index, or -1 when the table has no {@code index} column
 * @param arch   the architecture string, or empty when the table has no {@code arch} column
 * @param values numeric columns by name, e.g. {@code cifar10_valid}; absent when the cell was empty
 * @param seeds  per-seed columns by name, e.g. {@code cifar10_valid_seeds}
 */
public record TableRow(int line, long index, String arch, Map<String, Double> values, Map<String, List<Double>> seeds) {
    public TableRow {
        Objects.requireNonNull(arch, "arch");
        values = Map.copyOf(values);
        seeds = Map.copyOf(seeds);
    }

    /** The value of a numeric column, if the row has one. */
    public OptionalDouble value(String column) {
        Double value = values.get(column);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** The per-seed values of a column, empty when absent. */
    public List<Double> seedValues(String column) {
        return seeds.getOrDefault(column, List.of());
    }
}
