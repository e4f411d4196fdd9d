package io.layernas.spaces.natsbench;

import io.layernas.api.CostModelContract;

class NatsTopologyParamsContractTest extends CostModelContract {
    private static final NatsTopologySpace SPACE = new NatsTopologySpace(NatsDataset.CIFAR100);

    NatsTopologyParamsContractTest() {
        super(SPACE, NatsCostModels.params(SPACE));
    }
}
