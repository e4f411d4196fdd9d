package io.layernas.spaces.natsbench;

import io.layernas.api.AbstractSearchSpace;
import io.layernas.api.BenchmarkKeys;
import io.layernas.api.InputShape;
import io.layernas.api.Layer;
import io.layernas.api.NetworkSpace;
import java.util.List;
import java.util.Optional;

/** What the two NATS-Bench spaces share: a name, a dataset, its layers. Immutable and thread-safe. */
abstract class AbstractNatsSpace extends AbstractSearchSpace implements NetworkSpace, BenchmarkKeys {
    private final NatsDataset dataset;

    AbstractNatsSpace(String name, NatsDataset dataset, List<Layer> layers) {
        super(name, layers);
        this.dataset = dataset;
    }

    /** The dataset the networks are built for. */
    public NatsDataset dataset() {
        return dataset;
    }

    @Override
    public Optional<String> benchmarkDataset() {
        return Optional.of(dataset.label());
    }

    @Override
    public InputShape input() {
        return dataset.input();
    }

    @Override
    public String toString() {
        return name() + "(" + dataset.label() + ")";
    }
}
