package io.layernas.spaces.natsbench;

import io.layernas.api.SearchSpace;
import io.layernas.api.SearchSpaceProvider;
import io.layernas.api.Settings;

/** {@code nats-tss}: NATS-Bench topology search; setting {@code dataset} (cifar10, cifar100, ImageNet16-120). */
public final class NatsTopologySpaceProvider implements SearchSpaceProvider {
    @Override
    public String name() {
        return NatsTopologySpace.NAME;
    }

    @Override
    public String description() {
        return "NATS-Bench topology search (NAS-Bench-201 cell): 3 layers of 5, 25, 125 options";
    }

    @Override
    public SearchSpace create(Settings settings) {
        return new NatsTopologySpace(NatsDataset.from(settings));
    }
}
