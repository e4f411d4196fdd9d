package io.layernas.evaluators.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import io.layernas.api.Architecture;
import io.layernas.api.InputShape;
import io.layernas.api.NetworkSpace;
import io.layernas.api.Op;
import io.layernas.spaces.mobilenet.OpCounter;
import io.layernas.spaces.mobilenet.PaperSpaces;
import io.layernas.spaces.natsbench.NatsDataset;
import io.layernas.spaces.natsbench.NatsNetworkCost;
import io.layernas.spaces.natsbench.NatsSizeSpace;
import io.layernas.spaces.natsbench.NatsTopologySpace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The DJL networks have exactly the weights the analytic cost models count, and the right output shape. */
class NetworkBuilderTest extends EngineTest {
    @Test
    void mobilenetMiniParamsEqualTheAnalyticCount() {
        NetworkSpace space = PaperSpaces.mini(PaperSpaces.FASHION_MNIST);
        for (Architecture architecture : sample(space, 6)) {
            List<Op> ops = space.network(architecture);
            SequentialBlock network = initialised(ops, space.input());
            assertThat(Weights.countParams(network)).as(space.format(architecture))
                    .isEqualTo(ops.stream().mapToLong(OpCounter::params).sum());
            assertThat(outputShape(network, space.input())).isEqualTo(new Shape(2, 10));
        }
    }

    @Test
    void squeezeExciteAndHardSwishNetworksMatchTheAnalyticCount() {
        NetworkSpace space = PaperSpaces.v3Small(PaperSpaces.FASHION_MNIST);
        assertThat(space.network(space.defaultArchitecture())).anyMatch(Op::squeezeExcite);
        for (Architecture architecture : sample(space, 3)) {
            List<Op> ops = space.network(architecture);
            SequentialBlock network = initialised(ops, space.input());
            assertThat(Weights.countParams(network)).as(space.format(architecture))
                    .isEqualTo(ops.stream().mapToLong(OpCounter::params).sum());
        }
    }

    static Stream<Arguments> natsSpaces() {
        return Stream.of(Arguments.of(named("nats-sss", new NatsSizeSpace(NatsDataset.CIFAR10)), 4),
                Arguments.of(named("nats-tss, cells of every operation", new NatsTopologySpace(NatsDataset.CIFAR10)), 6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("natsSpaces")
    void natsNetworksMatchNatsBenchsCountWithBatchNorm(NetworkSpace space, int samples) {
        for (Architecture architecture : sample(space, samples)) {
            List<Op> ops = space.network(architecture);
            SequentialBlock network = initialised(ops, space.input());
            long expected = Math.round(NatsNetworkCost.of(ops).params() * 1e6);
            assertThat(Weights.countTrainable(network)).as(space.format(architecture)).isEqualTo(expected);
            assertThat(outputShape(network, space.input())).isEqualTo(new Shape(2, 10));
        }
    }

    @Test
    void batchNormIsLeftOutOfParamsButCountedInTrainable() {
        List<Op> ops = List.of(new Op(Op.OpType.CONV, 8, 1, 4, 0, 3, 1, false, "relu", false, ""),
                new Op(Op.OpType.GLOBAL_POOL, 8, 4, 4, 0, 8, 1, false, "none", false, ""),
                new Op(Op.OpType.DENSE, 1, 4, 10, 0, 1, 1, false, "none", false, ""));
        SequentialBlock network = initialised(ops, new InputShape(8, 1, 10));
        assertThat(Weights.countParams(network)).isEqualTo(9 * 4 + 4 * 10 + 10);
        assertThat(Weights.countTrainable(network)).isEqualTo(9 * 4 + 2 * 4 + 4 * 10 + 10);
    }

    @Test
    void unknownActivationIsNamed() {
        Op op = new Op(Op.OpType.CONV, 8, 1, 4, 0, 3, 1, false, "gelu", false, "");
        assertThatThrownBy(() -> NetworkBuilder.build(List.of(op), new InputShape(8, 1, 10)))
                .hasMessageContaining("'gelu'").hasMessageContaining("hswish");
    }

    @Test
    void residualBottleneckThatChangesShapeIsRejected() {
        Op op = new Op(Op.OpType.BNECK, 8, 8, 16, 32, 3, 1, false, "relu", true, "");
        assertThatThrownBy(() -> NetworkBuilder.build(List.of(op), new InputShape(8, 8, 10)))
                .hasMessageContaining("residual but changes shape");
    }

    @Test
    void denseWithoutPoolingIsRejected() {
        Op op = new Op(Op.OpType.DENSE, 7, 8, 10, 0, 1, 1, false, "none", false, "");
        assertThatThrownBy(() -> NetworkBuilder.build(List.of(op), new InputShape(7, 8, 10)))
                .hasMessageContaining("GLOBAL_POOL");
    }

    @Test
    void opsThatDoNotChainAreRejectedWithBothShapes() {
        List<Op> ops = List.of(new Op(Op.OpType.CONV, 28, 1, 16, 0, 3, 2, false, "relu", false, ""),
                new Op(Op.OpType.BNECK, 14, 1, 24, 64, 5, 1, false, "relu", false, ""));
        assertThatThrownBy(() -> NetworkBuilder.build(ops, new InputShape(28, 1, 10)))
                .hasMessageContaining("op 1 (BNECK) expects 14x14x1 input but op 0 outputs 14x14x16");
    }

    static SequentialBlock initialised(List<Op> ops, InputShape input) {
        SequentialBlock network = NetworkBuilder.build(ops, input);
        network.initialize(manager, DataType.FLOAT32, inputShape(input));
        return network;
    }

    private static Shape outputShape(SequentialBlock network, InputShape input) {
        return network.getOutputShapes(new Shape[] {inputShape(input)})[0];
    }

    private static Shape inputShape(InputShape input) {
        return new Shape(2, input.channels(), input.size(), input.size());
    }

    /** The default, the all-last-options and seeded random architectures. */
    static List<Architecture> sample(NetworkSpace space, int count) {
        List<Architecture> sample = new ArrayList<>(List.of(space.defaultArchitecture()));
        int[] last = new int[space.layerCount()];
        for (int i = 0; i < last.length; i++) {
            last[i] = space.layers().get(i).size() - 1;
        }
        sample.add(Architecture.of(last));
        SplittableRandom random = new SplittableRandom(7);
        while (sample.size() < count) {
            int[] choices = new int[space.layerCount()];
            for (int i = 0; i < choices.length; i++) {
                choices[i] = random.nextInt(space.layers().get(i).size());
            }
            sample.add(Architecture.of(choices));
        }
        return sample;
    }
}
