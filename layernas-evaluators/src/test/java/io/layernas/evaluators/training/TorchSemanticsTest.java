package io.layernas.evaluators.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.layernas.api.InputShape;
import io.layernas.api.NetworkSpace;
import io.layernas.api.Op;
import io.layernas.spaces.mobilenet.PaperSpaces;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * djl-train computes what docs/examples/train_candidate.py computes in PyTorch: its default weight
 * initialisation, batch norm's momentum and eps, torch.optim.SGD's momentum and weight decay and
 * CosineAnnealingLR stepped per batch. Each test fails if the JVM side drifts back to DJL's defaults.
 */
class TorchSemanticsTest extends EngineTest {
    @Test
    void weightsAndBiasesAreUniformWithinOneOverSqrtFanInAndBatchNormIsIdentity() {
        NetworkSpace space = PaperSpaces.mini(PaperSpaces.FASHION_MNIST);
        SequentialBlock network = NetworkBuilder.build(space.network(space.defaultArchitecture()), space.input());
        InputShape input = space.input();
        network.initialize(manager, DataType.FLOAT32, new Shape(2, input.channels(), input.size(), input.size()));
        Weights.initialize(network, new SplittableRandom(7));
        int checked = checkBlock(network);
        long weightsAndBiases = network.getParameters().stream().map(Pair::getValue)
                .filter(p -> p.getType() == Parameter.Type.WEIGHT || p.getType() == Parameter.Type.BIAS).count();
        assertThat(checked).as("every weight and bias checked").isEqualTo(weightsAndBiases).isGreaterThan(10);
    }

    /** Checks the direct parameters of {@code block} and its children; returns how many weights and biases. */
    private static int checkBlock(Block block) {
        long fanIn = 0;
        for (Pair<String, Parameter> entry : block.getDirectParameters()) {
            NDArray array = entry.getValue().getArray();
            if (entry.getValue().getType() == Parameter.Type.WEIGHT) {
                fanIn = array.size() / array.getShape().get(0);
            }
        }
        int checked = 0;
        for (Pair<String, Parameter> entry : block.getDirectParameters()) {
            Parameter parameter = entry.getValue();
            float[] values = parameter.getArray().toFloatArray();
            switch (parameter.getType()) {
                case WEIGHT, BIAS -> {
                    checkUniform(parameter.getName(), values, 1 / Math.sqrt(fanIn));
                    checked++;
                }
                case GAMMA, RUNNING_VAR -> assertThat(values).as(parameter.getName()).containsOnly(1f);
                default -> assertThat(values).as(parameter.getName()).containsOnly(0f);
            }
        }
        for (Pair<String, Block> child : block.getChildren()) {
            checked += checkBlock(child.getValue());
        }
        return checked;
    }

    /** All values within the bound; with enough of them, the extremes near it and the spread of a uniform. */
    private static void checkUniform(String name, float[] values, double bound) {
        double max = 0;
        double sumSquares = 0;
        for (float value : values) {
            max = Math.max(max, Math.abs(value));
            sumSquares += value * value;
        }
        assertThat(max).as(name + " |max| against bound " + bound).isLessThanOrEqualTo(bound);
        if (values.length >= 200) {
            assertThat(max).as(name + " reaches near its bound").isGreaterThan(0.95 * bound);
            double std = Math.sqrt(sumSquares / values.length);
            assertThat(std).as(name + " std of U(-b, b) is b / sqrt(3)").isCloseTo(bound / Math.sqrt(3), within(0.1 * bound));
        }
    }

    @Test
    void batchNormUpdatesRunningStatisticsWithMomentumPointOneAndUsesEpsOneEMinusFive() {
        Block batchNorm = NetworkBuilder.batchNorm();
        batchNorm.initialize(manager, DataType.FLOAT32, new Shape(4, 1, 1, 1));
        Weights.initialize(batchNorm, new SplittableRandom(1));
        // mean 0.01, biased variance 1e-6, unbiased 4/3 * 1e-6
        NDArray input = manager.create(new float[] {0.009f, 0.011f, 0.009f, 0.011f}, new Shape(4, 1, 1, 1));
        float[] out = batchNorm.forward(new ParameterStore(manager, false), new NDList(input), true)
                .singletonOrThrow().toFloatArray();
        assertThat((double) out[1]).as("(x - mean) / sqrt(var + eps) with eps 1e-5")
                .isCloseTo(0.001 / Math.sqrt(1e-6 + 1e-5), within(1e-3));
        float mean = parameter(batchNorm, Parameter.Type.RUNNING_MEAN);
        float variance = parameter(batchNorm, Parameter.Type.RUNNING_VAR);
        assertThat((double) mean).as("0.9 * 0 + 0.1 * batch mean").isCloseTo(0.001, within(1e-6));
        assertThat((double) variance).as("0.9 * 1 + 0.1 * unbiased batch variance")
                .isCloseTo(0.9 + 0.1 * 4e-6 / 3, within(1e-7));
    }

    private static float parameter(Block block, Parameter.Type type) {
        return block.getDirectParameters().stream().filter(p -> p.getValue().getType() == type).findFirst()
                .orElseThrow().getValue().getArray().getFloat(0);
    }

    @Test
    void cosineLearningRateIsPyTorchsPerStepAnnealingFromTheFirstStep() {
        LearningRate rate = new LearningRate("cosine", 0.1, 100);
        assertThat(rate.at(0)).as("the first step trains with the full rate").isEqualTo(0.1f);
        assertThat((double) rate.at(50)).isCloseTo(0.05, within(1e-7));
        assertThat((double) rate.at(99)).as("the last step still trains")
                .isCloseTo(0.05 * (1 + Math.cos(Math.PI * 99 / 100)), within(1e-9)).isPositive();
        assertThat(rate.at(100)).isZero();
        assertThat(new LearningRate("constant", 0.1, 100).at(99)).isEqualTo(0.1f);
    }

    @Test
    void sgdFollowsTorchOptimSgdWithADecayingRate() {
        LearningRate rate = new LearningRate("cosine", 0.5, 4);
        double momentum = 0.9;
        double decay = 0.01;
        TorchSgd sgd = TorchSgd.of(rate, momentum, decay);
        float[][] gradients = {{1f, -2f}, {0.5f, 0.5f}, {-1f, 1f}, {2f, 0f}};
        double[] expected = {1, -1};
        double[] buffer = {0, 0};
        try (NDManager scope = manager.newSubManager()) {
            NDArray weight = scope.create(new float[] {1f, -1f});
            for (int step = 0; step < gradients.length; step++) {
                sgd.update("w", weight, scope.create(gradients[step]));
                for (int i = 0; i < 2; i++) { // torch.optim.SGD.step, dampening 0, no Nesterov
                    double g = gradients[step][i] + decay * expected[i];
                    buffer[i] = step == 0 ? g : momentum * buffer[i] + g;
                    expected[i] -= rate.at(step) * buffer[i];
                }
                float[] actual = weight.toFloatArray();
                assertThat((double) actual[0]).as("step " + step).isCloseTo(expected[0], within(1e-5));
                assertThat((double) actual[1]).as("step " + step).isCloseTo(expected[1], within(1e-5));
            }
        }
    }

    @Test
    void theParityReportsRevertsRestoreDjlsOldScheduleAndSgdOnlyWhenAsked() {
        LearningRate ahead = new LearningRate("cosine", 0.1, 100, 1);
        assertThat(ahead.at(0)).as("DJL's tracker counts from 1").isEqualTo(new LearningRate("cosine", 0.1, 100).at(1));
        assertThat(ahead.at(99)).as("so its last step trains with rate 0").isZero();
        LearningRate rate = new LearningRate("cosine", 0.5, 4);
        TorchSgd sgd = TorchSgd.of(rate, 0.9, 0, true);
        try (NDManager scope = manager.newSubManager()) {
            NDArray weight = scope.create(new float[] {1f});
            double velocity = 0;
            double expected = 1;
            for (int step = 0; step < 3; step++) { // DJL's Sgd: v = m v + rate_t g; w -= v
                sgd.update("w", weight, scope.create(new float[] {1f}));
                velocity = 0.9 * velocity + rate.at(step);
                expected -= velocity;
                assertThat((double) weight.getFloat(0)).as("step " + step).isCloseTo(expected, within(1e-5));
            }
        }
        assertThat(Reverts.current()).as("nothing reverted by default").isEqualTo(new Reverts(false, false, false));
        try {
            System.setProperty(Reverts.PROPERTY, "init, schedule");
            assertThat(Reverts.current()).isEqualTo(new Reverts(true, false, true));
            System.setProperty(Reverts.PROPERTY, "momentum");
            assertThatThrownBy(Reverts::current).hasMessageContaining(Reverts.PROPERTY).hasMessageContaining("'momentum'")
                    .hasMessageContaining("[init, sgd, schedule]");
        } finally {
            System.clearProperty(Reverts.PROPERTY);
        }
    }

    @Test
    void weightDecayShrinksEveryParameterItIsGivenBatchNormScaleIncluded() {
        TorchSgd sgd = TorchSgd.of(new LearningRate("constant", 0.1, 10), 0.9, 1e-2);
        try (NDManager scope = manager.newSubManager()) {
            NDArray gamma = scope.create(new float[] {1f, 2f});
            sgd.update("bn_gamma", gamma, scope.zeros(new Shape(2)));
            float[] shrunk = gamma.toFloatArray();
            assertThat((double) shrunk[0]).isCloseTo(1 - 0.1 * 0.01, within(1e-7));
            assertThat((double) shrunk[1]).isCloseTo(2 - 0.1 * 0.02, within(1e-7));
        }
    }

    @Test
    void onlyWeightsBiasesAndBatchNormScaleAndShiftAreTrained() {
        NetworkSpace space = PaperSpaces.mini(PaperSpaces.FASHION_MNIST);
        List<Op> ops = space.network(space.defaultArchitecture());
        SequentialBlock network = NetworkBuilder.build(ops, space.input());
        network.initialize(manager, DataType.FLOAT32, new Shape(2, 1, 28, 28));
        for (Pair<String, Parameter> entry : network.getParameters()) {
            Parameter.Type type = entry.getValue().getType();
            boolean running = type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR;
            assertThat(entry.getValue().requiresGradient()).as(entry.getKey()).isEqualTo(!running);
        }
    }
}
