package io.layernas.evaluators.training;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import io.layernas.api.InputShape;
import io.layernas.api.Op;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Measures {@code djl-train}'s SGD steps for the bench module's training reports (not used in training):
 * {@link #profile} times their phases ({@code TrainingStepReport}), running the very calls of
 * {@link TrainingStep#run} with a clock read between them (PyTorch's CPU kernels run synchronously on the
 * calling thread, so a phase's wall time is its cost); {@link #trace} records them with PyTorch's profiler
 * ({@code TrainingOpReport}); {@link #minorFaults} and {@link #liveArrays} count page faults and the arrays
 * trainings leave attached ({@code TrainingDriftReport}).
 */
public final class StepProfiler {
    /** The phases, in the order a step runs them. */
    public static final List<String> PHASES = List.of("data", "forward", "backward", "loss_read", "optimizer", "free");

    private StepProfiler() {
    }

    /**
     * Trains {@code network} for {@code warmup} steps, then {@code measured} more, on the training images
     * of {@code settings} (cycling through them) and returns the mean milliseconds per measured step of
     * each of {@link #PHASES}, plus {@code total}, {@code faults} (minor page faults per step, see
     * {@link #minorFaults}) and {@code cpu}, the CPU time of the whole process per step
     * (robust to other processes' load where wall time is not; at 1 thread the two agree on an idle machine). The learning rate follows the schedule of a training
     * of {@code warmup + measured} steps.
     */
    public static Map<String, Double> profile(TrainingSettings settings, List<Op> network, InputShape input,
                                              long seed, int warmup, int measured) {
        CandidateTrainer trainer = trainerFor(settings, warmup + measured);
        int batchSize = settings.batchSize();
        return trainer.withStep(network, input, new SplittableRandom(seed), (djl, step) -> {
            long[] nanos = new long[PHASES.size()];
            long cpuStart = 0;
            long faultsStart = 0;
            int[] order = trainer.trainIndices();
            int steps = order.length / batchSize;
            for (int i = 0; i < warmup + measured; i++) {
                if (i == warmup) {
                    cpuStart = processCpuNanos();
                    faultsStart = minorFaults();
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
            result.put("faults", (double) (minorFaults() - faultsStart) / measured);
            return result;
        });
    }

    /**
     * Trains {@code network} for {@code warmup} steps, then records {@code measured} more with PyTorch's own
     * profiler (shapes recorded, no memory) and writes its Chrome trace (JSON) to {@code traceFile}. The steps are
     * {@link TrainingStep#run}'s, as training runs them, on the images {@link #profile} uses.
     */
    public static void trace(TrainingSettings settings, List<Op> network, InputShape input, long seed, int warmup,
                             int measured, Path traceFile) {
        CandidateTrainer trainer = trainerFor(settings, warmup + measured);
        int batchSize = settings.batchSize();
        trainer.withStep(network, input, new SplittableRandom(seed), (djl, step) -> {
            int[] order = trainer.trainIndices();
            int steps = order.length / batchSize;
            for (int i = 0; i < warmup + measured; i++) {
                if (i == warmup) {
                    JniUtils.startProfile(false, true, false);
                }
                int from = i % steps * batchSize;
                step.run(trainer.trainImages(), order, from, from + batchSize);
            }
            JniUtils.stopProfile(traceFile.toAbsolutePath().toString());
            return null;
        });
    }

    /** A trainer on the split of {@code settings} with enough epochs for {@code steps} steps, the engine started. */
    private static CandidateTrainer trainerFor(TrainingSettings settings, int steps) {
        FashionMnist data = FashionMnist.load(settings.datasetDir());
        DataSplit split = DataSplit.of(data, settings.trainSubset(), settings.validationFraction(),
                settings.testSubset(), settings.splitSeed());
        DjlRuntime.start(settings.cacheDir(), settings.threads());
        int epochs = Math.max(1, steps * settings.batchSize() / split.train().length + 1);
        TrainingSettings sized = new TrainingSettings(settings.datasetDir(), epochs, settings.batchSize(),
                settings.learningRate(), settings.schedule(), settings.momentum(), settings.weightDecay(),
                settings.trainSubset(), settings.validationFraction(), settings.testSubset(), settings.splitSeed(),
                settings.threads(), settings.cacheDir());
        return new CandidateTrainer(data, split, sized);
    }

    /**
     * The NDArrays attached, now, to the PyTorch engine's system manager and every manager below it (models,
     * trainers, their sub-managers): what a training left behind, for reports and leak tests. Reads DJL's
     * internals by reflection (its managers do not count their arrays); -1 when they are not where DJL 0.35 has them.
     */
    public static long liveArrays() {
        try {
            Method system = Class.forName("ai.djl.pytorch.engine.PtNDManager").getDeclaredMethod("getSystemManager");
            system.setAccessible(true);
            Field resources = BaseNDManager.class.getDeclaredField("resources");
            resources.setAccessible(true);
            return countArrays((BaseNDManager) system.invoke(null), resources);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    private static long countArrays(BaseNDManager manager, Field resources) throws IllegalAccessException {
        long count = 0;
        for (Object resource : ((Map<?, ?>) resources.get(manager)).values()) {
            if (resource instanceof BaseNDManager child) {
                count += countArrays(child, resources);
            } else if (resource instanceof NDArray) {
                count++;
            }
        }
        return count;
    }

    /** CPU time of this process, all threads (the engine's, the JIT compiler's, the garbage collector's). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Minor page faults of this process so far: pages the kernel had to map (and zero) on first touch, e.g. of
     * tensors in memory the allocator had returned to the system; -1 off Linux.
     */
    public static long minorFaults() {
        return minorFaults(Path.of("/proc/self/stat"));
    }

    /** Minor page faults so far of the process or thread whose {@code stat} file (field 10) is given; -1 off Linux. */
    static long minorFaults(Path stat) {
        try {
            String text = Files.readString(stat);
            return Long.parseLong(text.substring(text.lastIndexOf(')') + 2).split(" ")[7]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
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
