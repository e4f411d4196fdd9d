package io.layernas.spaces.natsbench;

import io.layernas.api.CostModelContract;

class NatsTopologyFlopsContractTest extends CostModelContract {
    private static final NatsTopologySpace SPACE = new NatsTopologySpace(NatsDataset.CIFAR100);

    NatsTopologyFlopsContractTest() {
        super(SPACE, NatsCostModels.flops(SPACE));
    }
}
