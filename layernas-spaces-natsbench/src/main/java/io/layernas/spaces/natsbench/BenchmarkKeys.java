package io.layernas.spaces.natsbench;

import io.layernas.api.Architecture;
import io.layernas.api.SearchSpace;
import java.util.OptionalLong;

/**
 * A space whose architectures are rows of a published benchmark table. A table evaluator finds an
 * architecture's row by {@link #tableKey} (matched against the table's {@code arch} column) or by
 * {@link #officialIndex} (matched against its {@code index} column).
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
}
