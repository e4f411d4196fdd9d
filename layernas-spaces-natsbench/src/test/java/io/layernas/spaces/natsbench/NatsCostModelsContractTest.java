package io.layernas.spaces.natsbench;

import io.layernas.api.CostModelContract;
import org.junit.jupiter.api.Nested;

/** The FLOPs and params models of both NATS-Bench spaces pass the cost model contract. */
class NatsCostModelsContractTest {
    private static final NatsSizeSpace SIZE = new NatsSizeSpace(NatsDataset.CIFAR100);
    private static final NatsTopologySpace TOPOLOGY = new NatsTopologySpace(NatsDataset.CIFAR100);

    @Nested
    class SizeFlops extends CostModelContract {
        SizeFlops() {
            super(SIZE, NatsCostModels.flops(SIZE));
        }
    }

    @Nested
    class SizeParams extends CostModelContract {
        SizeParams() {
            super(SIZE, NatsCostModels.params(SIZE));
        }
    }

    @Nested
    class TopologyFlops extends CostModelContract {
        TopologyFlops() {
            super(TOPOLOGY, NatsCostModels.flops(TOPOLOGY));
        }
    }

    @Nested
    class TopologyParams extends CostModelContract {
        TopologyParams() {
            super(TOPOLOGY, NatsCostModels.params(TOPOLOGY));
        }
    }
}
