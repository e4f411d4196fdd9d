package io.layernas.evaluators.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;
import io.layernas.api.InputShape;
import java.util.ArrayList;
import java.util.List;

/**
 * One SGD step of {@link CandidateTrainer}, split into the phases {@link StepProfiler} times: the
 * batch's images copied into the engine ({@link #batch}), forward pass and loss ({@link #forward}),
 * backward pass ({@link #backward}), reading the loss back ({@link #lossValue}), the parameter
 * update ({@link #update}), and freeing the step's arrays (closing the batch's manager).
 * {@link #run} is what training does. One instance per training, used from one thread.
 */
final class TrainingStep {
    private final Trainer trainer;
    private final InputAdapter adapter;
    private final TorchSgd optimizer;
    private final List<Pair<String, NDArray>> trained = new ArrayList<>();

    /** A step of {@code trainer}'s initialised model, whose parameters {@code optimizer} updates. */
    TrainingStep(Trainer trainer, InputAdapter adapter, TorchSgd optimizer) {
        this.trainer = trainer;
        this.adapter = adapter;
        this.optimizer = optimizer;
        for (Pair<String, Parameter> entry : trainer.getModel().getBlock().getParameters()) {
            Parameter parameter = entry.getValue();
            if (parameter.requiresGradient()) {
                trained.add(new Pair<>(parameter.getId(), parameter.getArray()));
            }
        }
    }

    /** Trains on images {@code order[from..to)}; returns the batch's mean loss. */
    float run(LabelledImages images, int[] order, int from, int to) {
        try (NDManager batch = trainer.getManager().newSubManager()) {
            NDList[] xy = batch(batch, images, order, from, to);
            boolean previous = gradMode(true);
            NDArray loss;
            try {
                loss = forward(xy);
                backward(loss);
            } finally {
                gradMode(previous);
            }
            float value = lossValue(loss);
            update();
            return value;
        }
    }

    /**
     * Sets PyTorch's gradient mode of this thread; returns the previous one. The trainer calls the
     * engine's backward directly instead of through a {@code GradientCollector}, because DJL's
     * PyTorch engine allows one collector per process at a time; the mode is per thread, so
     * trainings on several threads run truly in parallel and compute exactly what they compute alone.
     */
    static boolean gradMode(boolean on) {
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(on);
        return previous;
    }

    /** Images {@code indices[from..to)} as an {@code (n, C, S, S)} input and an {@code (n)} label array. */
    NDList[] batch(NDManager manager, LabelledImages images, int[] indices, int from, int to) {
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

    /** The forward pass and the mean cross-entropy loss (gradient mode on). */
    NDArray forward(NDList[] xy) {
        return trainer.getLoss().evaluate(xy[1], trainer.forward(xy[0]));
    }

    /** The backward pass from {@code loss} (gradient mode on). */
    static void backward(NDArray loss) {
        JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
    }

    /** The loss as a number. */
    static float lossValue(NDArray loss) {
        return loss.getFloat();
    }

    /** The SGD update of every trained parameter, which also zeroes its gradient. */
    void update() {
        optimizer.step(trained);
    }
}
