package io.layernas.api;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * A capability of a {@link SearchSpace} whose architectures are rows of a published benchmark table.
 * A table evaluator finds an architecture's row by {@link #tableKey} (matched against the table's
 * {@code arch} column) or by {@link #officialIndex} (matched against its {@code index} column), and
 * reads the columns of the space's {@link #benchmarkDataset dataset}. A new table-backed space
 * implements this interface and needs no change in the evaluator. Implementations are immutable
 * and thread-safe.
 */
public interface BenchmarkKeys extends SearchSpace {

    /**
     * The architecture as the benchmark writes it: {@code 64:48:64:24:64} for NATS-Bench size
     * search, the official cell string for topology search, the module hash for NAS-Bench-101.
     */
    String tableKey(Architecture architecture);

    /** The benchmark's own index of the architecture, when it is computable without data. */
    default OptionalLong officialIndex(Architecture architecture) {
        return OptionalLong.empty();
    }

    /**
     * The dataset this space's networks and costs are defined for, as the benchmark names it
     * ({@code cifar10}, {@code cifar100}, {@code ImageNet16-120}); empty when the space has none, in
     * which case a table evaluator reads the dataset it is configured with.
     */
    default Optional<String> benchmarkDataset() {
        return Optional.empty();
    }
}
