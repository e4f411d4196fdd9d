package io.layernas.bench;

import io.layernas.api.Evaluator;
import io.layernas.evaluators.training.TrainingSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the step and op reports share: their arguments ({@code warmup measured rounds threads python
 * architecture...}), djl-train's step settings and the images both sides train on.
 *
 * @param warmup        untimed steps before each round's measured ones
 * @param measured      steps measured per round
 * @param rounds        rounds per architecture, the two sides interleaved
 * @param threads       intra-op threads on both sides
 * @param python        the interpreter that runs the PyTorch example
 * @param architectures what to train
 * @param settings      djl-train's settings for these steps
 * @param splitFile     the images both sides train on
 */
record StepRun(int warmup, int measured, int rounds, int threads, String python, List<String> architectures,
               TrainingSettings settings, Path splitFile) {

    /** Parses {@code args}; {@code measured} and {@code threads} default to the given values, the rest to 150, 3, /usr/bin/python3 and the baseline. */
    static StepRun parse(String[] args, int defaultMeasured, int defaultThreads) throws Exception {
        ReportArgs arguments = new ReportArgs(args);
        int threads = arguments.intAt(3, defaultThreads);
        return new StepRun(arguments.intAt(0, 150), arguments.intAt(1, defaultMeasured), arguments.intAt(2, 3),
                threads, arguments.stringAt(4, "/usr/bin/python3"),
                arguments.restFrom(5, List.of(TrainingParityReport.BASELINE)), TrainingParityReport.stepSettings(threads),
                TrainingParityReport.writeSplit(TrainingParityReport.STEP_SUBSET));
    }

    /** The PyTorch example on the same images, profiling this run's warm-up and measured steps as {@code profileEnv} asks. */
    Evaluator pytorch(Map<String, String> profileEnv) {
        Map<String, String> env = new HashMap<>(profileEnv);
        env.put("PROFILE_WARMUP", Integer.toString(warmup));
        env.put("PROFILE_STEPS", Integer.toString(measured));
        return TrainingParityReport.pytorch(python, splitFile, threads, env);
    }

    /** The report's first line: batch, steps ({@code what} they are), rounds, threads and the environment. */
    String header(String what) {
        return String.format("batch %d, %d warm-up and %d %s steps, %d rounds, %d threads, %s",
                TrainingParityReport.BATCH, warmup, measured, what, rounds, threads, TrainingParityReport.environment());
    }
}
