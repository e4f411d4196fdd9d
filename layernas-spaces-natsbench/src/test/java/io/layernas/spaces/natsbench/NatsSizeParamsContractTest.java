package io.layernas.spaces.natsbench;

import io.layernas.api.CostModelContract;

class NatsSizeParamsContractTest extends CostModelContract {
    private static final NatsSizeSpace SPACE = new NatsSizeSpace(NatsDataset.CIFAR100);

    NatsSizeParamsContractTest() {
        super(SPACE, NatsCostModels.params(SPACE));
    }
}
