package io.layernas.spaces.natsbench;

import io.layernas.api.CostModelContract;

class NatsTopologyEdgeFlopsContractTest extends CostModelContract {
    private static final NatsTopologyEdgeSpace SPACE = new NatsTopologyEdgeSpace(NatsDataset.CIFAR100);

    NatsTopologyEdgeFlopsContractTest() {
        super(SPACE, NatsCostModels.flops(SPACE));
    }
}
