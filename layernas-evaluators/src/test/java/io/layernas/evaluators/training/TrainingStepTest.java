package io.layernas.evaluators.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * djl-train's direct parameter update ({@link TorchSgd#step}, without DJL's parameter server) computes
 * exactly what DJL's {@code Trainer.step()} computes with the same optimizer: the speed-up changes no result.
 */
class TrainingStepTest extends EngineTest {
    private static final TinyNetworkSpace SPACE = new TinyNetworkSpace();

    @Test
    void directUpdateGivesExactlyTheWeightsOfTrainerStep() {
        assertThat(weightsAfterSteps(true)).isDeepEqualTo(weightsAfterSteps(false));
    }

    /** The weights after three SGD steps on the same seeded batches, updated by trainer.step() or directly. */
    private static float[][] weightsAfterSteps(boolean direct) {
        SequentialBlock block = NetworkBuilder.build(SPACE.network(SPACE.defaultArchitecture()), SPACE.input());
        TorchSgd sgd = TorchSgd.of(new LearningRate("cosine", 0.1, 3), 0.9, 1e-4);
        try (Model model = Model.newInstance("step", Device.cpu(), DjlRuntime.engineName())) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(sgd).optDevices(new Device[] {Device.cpu()}))) {
                trainer.initialize(new Shape(8, 1, 28, 28));
                Weights.initialize(block, new SplittableRandom(3));
                TrainingStep step = new TrainingStep(trainer, new InputAdapter(SPACE.input()), sgd);
                SplittableRandom data = new SplittableRandom(4);
                for (int i = 0; i < 3; i++) {
                    trainOnce(trainer, step, data, direct);
                }
                List<float[]> weights = new ArrayList<>();
                for (Pair<String, Parameter> entry : block.getParameters()) {
                    weights.add(entry.getValue().getArray().toFloatArray());
                }
                return weights.toArray(new float[0][]);
            }
        }
    }

    private static void trainOnce(Trainer trainer, TrainingStep step, SplittableRandom data, boolean direct) {
        float[] pixels = new float[8 * 28 * 28];
        float[] labels = new float[8];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) data.nextGaussian();
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.nextInt(10);
        }
        try (var batch = trainer.getManager().newSubManager()) {
            NDList[] xy = {new NDList(batch.create(pixels, new Shape(8, 1, 28, 28))), new NDList(batch.create(labels))};
            boolean previous = TrainingStep.gradMode(true);
            NDArray loss = step.forward(xy);
            TrainingStep.backward(loss);
            TrainingStep.gradMode(previous);
            if (direct) {
                step.update();
            } else {
                trainer.step();
            }
        }
    }
}
