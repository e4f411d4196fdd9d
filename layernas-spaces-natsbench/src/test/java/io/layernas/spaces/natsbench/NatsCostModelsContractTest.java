package io.layernas.spaces.natsbench;

import static org.junit.jupiter.api.Named.named;

import io.layernas.api.CostModel;
import io.layernas.api.CostModelContract;
import io.layernas.api.SearchSpace;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The FLOPs and params models of both NATS-Bench spaces pass the cost model contract. */
@ParameterizedClass(name = "{0} {1}")
@MethodSource("models")
class NatsCostModelsContractTest extends CostModelContract {
    NatsCostModelsContractTest(SearchSpace space, CostModel model) {
        super(space, model);
    }

    static Stream<Arguments> models() {
        NatsSizeSpace size = new NatsSizeSpace(NatsDataset.CIFAR100);
        NatsTopologySpace topology = new NatsTopologySpace(NatsDataset.CIFAR100);
        return Stream.of(Arguments.of(named("nats-sss", size), named("flops", NatsCostModels.flops(size))),
                Arguments.of(named("nats-sss", size), named("params", NatsCostModels.params(size))),
                Arguments.of(named("nats-tss", topology), named("flops", NatsCostModels.flops(topology))),
                Arguments.of(named("nats-tss", topology), named("params", NatsCostModels.params(topology))));
    }
}
