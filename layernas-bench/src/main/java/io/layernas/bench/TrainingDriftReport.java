package io.layernas.bench;

import io.layernas.api.Architecture;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Evaluator;
import io.layernas.api.Metrics;
import io.layernas.api.NetworkSpace;
import io.layernas.evaluators.training.StepProfiler;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Does {@code djl-train} slow down over trainings in one JVM? Trains one architecture {@code trainings} times
 * (seeds 0, 1, ...; the parity report's settings) and prints per training the ms per training image, the
 * process's resident memory ({@code VmRSS}), the NDArrays still attached to the engine's managers after the
 * training ({@code StepProfiler.liveArrays}), the garbage collectors' time during it and the minor page faults
 * per training step. A report, not a test: run it with {@code scripts/training-parity.sh drift ...}.
 *
 * <p>Arguments: {@code trainings trainSubset threads python architecture} (defaults 6, 5000, 2, unused, the
 * large candidate {@code 24:k3e64:32:k5e96:k5e48:64:k3e160:256}).
 */
public final class TrainingDriftReport {

    private TrainingDriftReport() {
    }

    /** Runs the report; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        ReportArgs arguments = new ReportArgs(args);
        int trainings = arguments.intAt(0, 6);
        int trainSubset = arguments.intAt(1, 5000);
        int threads = arguments.intAt(2, 2);
        String text = arguments.restFrom(4, List.of("24:k3e64:32:k5e96:k5e48:64:k3e160:256")).get(0);
        NetworkSpace space = TrainingParityReport.spaceOf(text);
        Architecture architecture = space.parse(text);
        Evaluator djl = TrainingParityReport.djlTrain(trainSubset, 1, threads, 500);
        int images = trainSubset - (int) Math.round(trainSubset * 0.1);
        int steps = (images + TrainingParityReport.BATCH - 1) / TrainingParityReport.BATCH;
        System.out.printf("%s, %d training images, 1 epoch, batch %d, %d threads, %s%n%n", text, images,
                TrainingParityReport.BATCH, threads, TrainingParityReport.environment());
        System.out.println("| training | ms/image | VmRSS MB after | NDArrays attached after | GC ms | page faults per step | load |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int i = 0; i < trainings; i++) {
            long gc = gcMillis();
            long faults = StepProfiler.minorFaults();
            Metrics metrics = djl.evaluate(new EvaluationRequest(space, architecture, i, i, 1));
            System.out.printf("| %d | %.3f | %.0f | %d | %d | %.0f | %s |%n", i + 1,
                    metrics.trainingSeconds() * 1000 / images, residentMb(), StepProfiler.liveArrays(), gcMillis() - gc,
                    (double) (StepProfiler.minorFaults() - faults) / steps, TrainingParityReport.loadAverage());
        }
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** {@code VmRSS} of {@code /proc/self/status}, in MB; -1 off Linux. */
    private static double residentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }
}
