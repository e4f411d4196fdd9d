package io.layernas.spaces.natsbench;

import io.layernas.api.CostModel;
import io.layernas.api.CostModelContract;
import io.layernas.api.SearchSpace;

class NatsTopologyParamsContractTest extends CostModelContract {
    private static final NatsTopologySpace SPACE = new NatsTopologySpace(NatsDataset.CIFAR100);
    private static final CostModel MODEL = NatsCostModels.params(SPACE);

    @Override
    protected SearchSpace space() {
        return SPACE;
    }

    @Override
    protected CostModel costModel() {
        return MODEL;
    }
}
