package io.layernas.evaluators.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.layernas.api.EvaluationMonitor;
import io.layernas.api.EvaluationProgress;
import io.layernas.api.InputShape;
import io.layernas.api.Op;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains one network on Fashion-MNIST with SGD and reports validation and test accuracy. Each
 * call builds its own model and trainer, so calls may run in parallel (see {@link #forwardBackward}).
 *
 * <p>The semantics are those of {@code docs/examples/train_candidate.py}: PyTorch's default
 * initialisation ({@link Weights#initialize}), batch norm with PyTorch's momentum 0.1 and eps 1e-5
 * ({@link NetworkBuilder#batchNorm}), {@code torch.optim.SGD} with the schedule stepped per batch
 * ({@link TorchSgd}, {@link LearningRate}). docs/training.md lists what still differs.
 *
 * <p>Everything random comes from the seed: weight initialisation ({@link Weights#initialize})
 * and the order of training images per epoch. PyTorch's CPU kernels are deterministic for a fixed
 * thread count; results can differ in the last digits across thread counts or machines.
 *
 * @param data     the images
 * @param split    which images train, validate and test
 * @param settings the training settings
 */
public record CandidateTrainer(FashionMnist data, DataSplit split, TrainingSettings settings) {

    /** Builds {@code network} for {@code input}, trains it and evaluates it, for no one watching. */
    public TrainingResult train(List<Op> network, InputShape input, long seed) {
        return train(network, input, seed, EvaluationMonitor.NONE);
    }

    /**
     * Builds {@code network} for {@code input}, trains it and evaluates it, reporting each epoch to
     * {@code monitor}. Checks {@link EvaluationMonitor#cancelled()} before every step: a cancelled
     * training closes its model and trainer (their native memory) and throws, on this thread, so no
     * native call is left running when the run ends.
     *
     * @throws TrainingDivergedException when the loss becomes NaN or infinite
     * @throws java.util.concurrent.CancellationException when the monitor cancels
     */
    public TrainingResult train(List<Op> network, InputShape input, long seed, EvaluationMonitor monitor) {
        SplittableRandom random = new SplittableRandom(seed);
        InputAdapter adapter = new InputAdapter(input);
        SequentialBlock block = NetworkBuilder.build(network, input);
        try (Model model = Model.newInstance("candidate", Device.cpu(), DjlRuntime.engineName())) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(config(stepsPerEpoch()))) {
                trainer.initialize(new Shape(settings.batchSize(), input.channels(), input.size(), input.size()));
                Weights.initialize(block, random.split());
                long start = System.nanoTime();
                double loss = Double.NaN;
                monitor.progress(new EvaluationProgress(0, settings.epochs(), loss, 0));
                for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                    loss = trainEpoch(trainer, adapter, random.split(), epoch, monitor);
                    monitor.progress(new EvaluationProgress(epoch + 1, settings.epochs(), loss,
                            (System.nanoTime() - start) / 1e9));
                }
                double trainingSeconds = (System.nanoTime() - start) / 1e9;
                long evaluationStart = System.nanoTime();
                double validation = accuracy(trainer, adapter, data.train(), split.validation(), monitor);
                double test = accuracy(trainer, adapter, data.test(), split.test(), monitor);
                return new TrainingResult(validation, test, trainingSeconds, (System.nanoTime() - evaluationStart) / 1e9,
                        loss, Weights.countParams(block), Weights.countTrainable(block));
            }
        }
    }

    private int stepsPerEpoch() {
        return (split.train().length + settings.batchSize() - 1) / settings.batchSize();
    }

    /** Cross-entropy and {@link TorchSgd}: the loss, optimizer and schedule of the PyTorch example. */
    private DefaultTrainingConfig config(int stepsPerEpoch) {
        LearningRate rate = new LearningRate(settings.schedule(), settings.learningRate(),
                Math.max(1, settings.epochs() * stepsPerEpoch));
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(TorchSgd.of(rate, settings.momentum(), settings.weightDecay()))
                .optDevices(new Device[] {Device.cpu()});
    }

    /** One pass over the training images in a seeded order; returns the mean loss. */
    private double trainEpoch(Trainer trainer, InputAdapter adapter, SplittableRandom random, int epoch,
                              EvaluationMonitor monitor) {
        int[] order = split.train().clone();
        DataSplit.shuffle(order, random);
        double lossSum = 0;
        int batches = 0;
        for (int from = 0; from < order.length; from += settings.batchSize()) {
            int to = Math.min(order.length, from + settings.batchSize());
            if (to - from < 2) {
                break; // batch norm cannot train on a single image
            }
            monitor.checkCancelled();
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDList[] xy = batch(batch, adapter, data.train(), order, from, to);
                lossSum += forwardBackward(trainer, xy);
                trainer.step();
            }
            batches++;
            if (!Double.isFinite(lossSum)) {
                throw new TrainingDivergedException("training diverged in epoch " + (epoch + 1) + ", step " + batches
                        + ": the loss is " + lossSum + ". Lower learningRate (now " + settings.learningRate() + ").");
            }
        }
        return lossSum / batches;
    }

    /**
     * One forward and backward pass. It calls the engine's backward directly instead of through a
     * {@code GradientCollector}, because DJL's PyTorch engine allows one collector per process at a
     * time; PyTorch's gradient mode is per thread, so trainings on several threads run truly in
     * parallel and compute exactly what they compute alone.
     */
    private static float forwardBackward(Trainer trainer, NDList[] xy) {
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
        try {
            NDArray loss = trainer.getLoss().evaluate(xy[1], trainer.forward(xy[0]));
            PtNDArray ones = (PtNDArray) loss.onesLike();
            JniUtils.backward((PtNDArray) loss, ones, false, false);
            return loss.getFloat();
        } finally {
            JniUtils.setGradMode(previous);
        }
    }

    private double accuracy(Trainer trainer, InputAdapter adapter, LabelledImages images, int[] indices,
                            EvaluationMonitor monitor) {
        long correct = 0;
        for (int from = 0; from < indices.length; from += settings.batchSize()) {
            monitor.checkCancelled();
            int to = Math.min(indices.length, from + settings.batchSize());
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDList[] xy = batch(batch, adapter, images, indices, from, to);
                NDArray predicted = trainer.evaluate(xy[0]).singletonOrThrow().argMax(1);
                correct += predicted.toType(DataType.INT32, false)
                        .eq(xy[1].singletonOrThrow().toType(DataType.INT32, false))
                        .sum().getLong();
            }
        }
        return (double) correct / indices.length;
    }

    /** Images {@code indices[from..to)} as an {@code (n, C, S, S)} input and an {@code (n)} label array. */
    private static NDList[] batch(NDManager manager, InputAdapter adapter, LabelledImages images, int[] indices,
                                  int from, int to) {
        int n = to - from;
        int length = adapter.imageLength();
        float[] pixels = new float[n * length];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            adapter.write(images.images(), indices[from + i], pixels, i * length);
            labels[i] = images.label(indices[from + i]);
        }
        InputShape shape = adapter.shape();
        NDArray x = manager.create(pixels, new Shape(n, shape.channels(), shape.size(), shape.size()));
        return new NDList[] {new NDList(x), new NDList(manager.create(labels))};
    }
}
