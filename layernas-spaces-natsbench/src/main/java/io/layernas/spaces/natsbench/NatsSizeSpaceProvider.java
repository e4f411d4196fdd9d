package io.layernas.spaces.natsbench;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchSpaceProvider;
import io.layernas.api.Settings;

/** {@code nats-sss}: NATS-Bench size search; setting {@code dataset} (cifar10, cifar100, ImageNet16-120). */
public final class NatsSizeSpaceProvider extends AbstractPlugin implements SearchSpaceProvider {
    /** For ServiceLoader. */
    public NatsSizeSpaceProvider() {
        super(NatsSizeSpace.NAME, "NATS-Bench size search: 5 layers of 8..64 channels, largest model as default");
    }

    @Override
    public SearchSpace create(Settings settings) {
        return new NatsSizeSpace(NatsDataset.from(settings));
    }
}
