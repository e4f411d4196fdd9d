package io.layernas.evaluators.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.layernas.api.InputShape;
import io.layernas.api.Op;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Times the phases of {@code djl-train}'s SGD steps, for the bench module's {@code TrainingStepReport}
 * (not used in training). It runs the very calls of {@link TrainingStep#run}, with a clock read between
 * them: PyTorch's CPU kernels run synchronously on the calling thread, so a phase's wall time is its cost.
 */
public final class StepProfiler {
    /** The phases, in the order a step runs them. */
    public static final List<String> PHASES = List.of("data", "forward", "backward", "loss_read", "optimizer", "free");

    private StepProfiler() {
    }

    /**
     * Trains {@code network} for {@code warmup} steps, then {@code measured} more, on the training images
     * of {@code settings} (cycling through them) and returns the mean milliseconds per measured step of
     * each of {@link #PHASES}, plus {@code total} and {@code cpu}, the CPU time of the whole process per step
     * (robust to other processes' load where wall time is not; at 1 thread the two agree on an idle machine). The learning rate follows the schedule of a training
     * of {@code warmup + measured} steps.
     */
    public static Map<String, Double> profile(TrainingSettings settings, List<Op> network, InputShape input,
                                              long seed, int warmup, int measured) {
        FashionMnist data = FashionMnist.load(settings.datasetDir());
        DataSplit split = DataSplit.of(data, settings.trainSubset(), settings.validationFraction(),
                settings.testSubset(), settings.splitSeed());
        DjlRuntime.start(settings.cacheDir(), settings.threads());
        int batchSize = settings.batchSize();
        int epochs = Math.max(1, (warmup + measured) * batchSize / split.train().length + 1);
        TrainingSettings sized = new TrainingSettings(settings.datasetDir(), epochs, batchSize, settings.learningRate(),
                settings.schedule(), settings.momentum(), settings.weightDecay(), settings.trainSubset(),
                settings.validationFraction(), settings.testSubset(), settings.splitSeed(), settings.threads(),
                settings.cacheDir());
        CandidateTrainer trainer = new CandidateTrainer(data, split, sized);
        return trainer.withStep(network, input, new SplittableRandom(seed), (djl, step) -> {
            long[] nanos = new long[PHASES.size()];
            long cpuStart = 0;
            int[] order = trainer.trainIndices();
            int steps = order.length / batchSize;
            for (int i = 0; i < warmup + measured; i++) {
                if (i == warmup) {
                    cpuStart = processCpuNanos();
                }
                int from = i % steps * batchSize;
                long[] phases = timedStep(djl.getManager(), step, trainer.trainImages(), order, from, from + batchSize);
                for (int p = 0; i >= warmup && p < phases.length; p++) {
                    nanos[p] += phases[p];
                }
            }
            Map<String, Double> result = new LinkedHashMap<>();
            long total = 0;
            for (int p = 0; p < PHASES.size(); p++) {
                result.put(PHASES.get(p), nanos[p] / 1e6 / measured);
                total += nanos[p];
            }
            result.put("total", total / 1e6 / measured);
            result.put("cpu", (processCpuNanos() - cpuStart) / 1e6 / measured);
            return result;
        });
    }

    /** CPU time of this process, all threads (the engine's, the JIT compiler's, the garbage collector's). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** One step of {@link TrainingStep#run}, returning the nanoseconds of each phase. */
    private static long[] timedStep(NDManager parent, TrainingStep step, LabelledImages images, int[] order,
                                    int from, int to) {
        long[] marks = new long[PHASES.size() + 1];
        marks[0] = System.nanoTime();
        NDManager batch = parent.newSubManager();
        NDList[] xy = step.batch(batch, images, order, from, to);
        marks[1] = System.nanoTime();
        boolean previous = TrainingStep.gradMode(true);
        NDArray loss = step.forward(xy);
        marks[2] = System.nanoTime();
        TrainingStep.backward(loss);
        TrainingStep.gradMode(previous);
        marks[3] = System.nanoTime();
        TrainingStep.lossValue(loss);
        marks[4] = System.nanoTime();
        step.update();
        marks[5] = System.nanoTime();
        batch.close();
        marks[6] = System.nanoTime();
        long[] phases = new long[PHASES.size()];
        for (int p = 0; p < phases.length; p++) {
            phases[p] = marks[p + 1] - marks[p];
        }
        return phases;
    }
}
