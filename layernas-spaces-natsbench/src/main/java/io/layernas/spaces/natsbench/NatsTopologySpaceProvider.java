package io.layernas.spaces.natsbench;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchSpaceProvider;
import io.layernas.api.Settings;

/** {@code nats-tss}: NATS-Bench topology search; setting {@code dataset} (cifar10, cifar100, ImageNet16-120). */
public final class NatsTopologySpaceProvider extends AbstractPlugin implements SearchSpaceProvider {
    /** For ServiceLoader. */
    public NatsTopologySpaceProvider() {
        super(NatsTopologySpace.NAME,
                "NATS-Bench topology search (NAS-Bench-201 cell): 3 layers of 5, 25, 125 options");
    }

    @Override
    public SearchSpace create(Settings settings) {
        return new NatsTopologySpace(NatsDataset.from(settings));
    }
}
