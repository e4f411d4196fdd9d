package io.layernas.evaluators.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.layernas.api.EvaluationMonitor;
import io.layernas.api.EvaluationProgress;
import io.layernas.api.InputShape;
import io.layernas.api.Op;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Trains one network on Fashion-MNIST with SGD and reports validation and test accuracy. Each
 * call builds its own model and trainer, so calls may run in parallel (see {@link TrainingStep#gradMode}).
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
        return withStep(network, input, random, (trainer, step) -> {
            long start = System.nanoTime();
            double loss = Double.NaN;
            monitor.progress(new EvaluationProgress(0, settings.epochs(), loss, 0));
            for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                loss = trainEpoch(step, random.split(), epoch, monitor);
                monitor.progress(new EvaluationProgress(epoch + 1, settings.epochs(), loss,
                        (System.nanoTime() - start) / 1e9));
            }
            double trainingSeconds = (System.nanoTime() - start) / 1e9;
            long evaluationStart = System.nanoTime();
            double validation = accuracy(trainer, step, data.train(), split.validation(), monitor);
            double test = accuracy(trainer, step, data.test(), split.test(), monitor);
            Block block = trainer.getModel().getBlock();
            return new TrainingResult(validation, test, trainingSeconds, (System.nanoTime() - evaluationStart) / 1e9,
                    loss, Weights.countParams(block), Weights.countTrainable(block));
        });
    }

    /**
     * Builds and initialises {@code network} (weights from {@code random}), and runs {@code body}
     * with its trainer and step; closes the model and trainer afterwards.
     */
    <T> T withStep(List<Op> network, InputShape input, SplittableRandom random,
                   BiFunction<Trainer, TrainingStep, T> body) {
        SequentialBlock block = NetworkBuilder.build(network, input);
        Reverts reverts = Reverts.current();
        TorchSgd optimizer = optimizer(Math.max(1, settings.epochs() * stepsPerEpoch()), reverts);
        try (Model model = Model.newInstance("candidate", Device.cpu(), DjlRuntime.engineName())) {
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(optimizer).optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(settings.batchSize(), input.channels(), input.size(), input.size()));
                Weights.initialize(block, random.split(), reverts.init());
                return body.apply(trainer, new TrainingStep(trainer, new InputAdapter(input), optimizer));
            }
        }
    }

    /** The training images of the split. */
    int[] trainIndices() {
        return split.train();
    }

    /** The training set. */
    LabelledImages trainImages() {
        return data.train();
    }

    private int stepsPerEpoch() {
        return (split.train().length + settings.batchSize() - 1) / settings.batchSize();
    }

    /** {@link TorchSgd} on the schedule of the PyTorch example, unless the parity report {@link Reverts reverts} them. */
    private TorchSgd optimizer(int totalSteps, Reverts reverts) {
        LearningRate rate = new LearningRate(settings.schedule(), settings.learningRate(), totalSteps,
                reverts.schedule() ? 1 : 0);
        return TorchSgd.of(rate, settings.momentum(), settings.weightDecay(), reverts.sgd());
    }

    /** One pass over the training images in a seeded order; returns the mean loss. */
    private double trainEpoch(TrainingStep step, SplittableRandom random, int epoch, EvaluationMonitor monitor) {
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
            lossSum += step.run(data.train(), order, from, to);
            batches++;
            if (!Double.isFinite(lossSum)) {
                throw new TrainingDivergedException("training diverged in epoch " + (epoch + 1) + ", step " + batches
                        + ": the loss is " + lossSum + ". Lower learningRate (now " + settings.learningRate() + ").");
            }
        }
        return lossSum / batches;
    }

    private double accuracy(Trainer trainer, TrainingStep step, LabelledImages images, int[] indices,
                            EvaluationMonitor monitor) {
        long correct = 0;
        for (int from = 0; from < indices.length; from += settings.batchSize()) {
            monitor.checkCancelled();
            int to = Math.min(indices.length, from + settings.batchSize());
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDList[] xy = step.batch(batch, images, indices, from, to);
                NDArray predicted = trainer.evaluate(xy[0]).singletonOrThrow().argMax(1);
                correct += predicted.toType(DataType.INT32, false)
                        .eq(xy[1].singletonOrThrow().toType(DataType.INT32, false))
                        .sum().getLong();
            }
        }
        return (double) correct / indices.length;
    }
}
