package io.layernas.spaces.natsbench;

import io.layernas.api.CostModelContract;

class NatsSizeFlopsContractTest extends CostModelContract {
    private static final NatsSizeSpace SPACE = new NatsSizeSpace(NatsDataset.CIFAR100);

    NatsSizeFlopsContractTest() {
        super(SPACE, NatsCostModels.flops(SPACE));
    }
}
