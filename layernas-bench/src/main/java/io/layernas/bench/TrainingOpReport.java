package io.layernas.bench;

import io.layernas.api.Architecture;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Evaluator;
import io.layernas.api.NetworkSpace;
import io.layernas.bench.OpTrace.OpStats;
import io.layernas.evaluators.training.StepProfiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A training step op by op, in {@code djl-train} ({@code StepProfiler.trace}: DJL's
 * {@code JniUtils.startProfile}) and in {@code docs/examples/train_candidate.py} ({@code PROFILE_TRACE}:
 * {@code torch.autograd.profiler.profile}): both record {@code measured} steps after {@code warmup} on the
 * same images, batch 64, with the same threads; {@link OpTrace} aggregates each side's Chrome trace by op.
 * The sides run interleaved, {@code rounds} times, and each figure is the median over rounds, so that a
 * burst of load from other processes (the profiler records wall time) lands in one round only. Prints, per architecture, a table of calls and self CPU ms per step for every op, JVM against PyTorch,
 * sorted by the difference, then the ops with the largest differences split by input shapes. Profiling
 * adds its own cost per op (both sides alike), so totals run above the step report's. A report, not a test.
 *
 * <p>Arguments: {@code warmup measured rounds threads python architecture...} (defaults 150, 20, 3, 1,
 * {@code /usr/bin/python3}, the {@code mobilenet-mini} baseline). The traces stay in a temporary
 * directory whose path the report prints.
 */
public final class TrainingOpReport {
    private static final int TOP_SHAPES = 12;

    private TrainingOpReport() {
    }

    /** Runs the report; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        StepRun run = StepRun.parse(args, 20, 1);
        Path directory = Files.createTempDirectory("layernas-op-traces");
        System.out.printf("%s; traces in %s%n", run.header("profiled"), directory);
        Evaluator torch = run.pytorch(Map.of("PROFILE_TRACE", directory.resolve("pytorch.json").toString()));
        for (int a = 0; a < run.architectures().size(); a++) {
            String text = run.architectures().get(a);
            NetworkSpace space = TrainingParityReport.spaceOf(text);
            Architecture architecture = space.parse(text);
            List<OpTrace> djl = new ArrayList<>();
            List<OpTrace> pytorch = new ArrayList<>();
            for (int round = 0; round < run.rounds(); round++) {
                Path djlTrace = directory.resolve("djl-" + a + "-" + round + ".json");
                StepProfiler.trace(run.settings(), space.network(architecture), space.input(), round, run.warmup(),
                        run.measured(), djlTrace);
                djl.add(OpTrace.read(djlTrace));
                torch.evaluate(new EvaluationRequest(space, architecture, 0, round, 1));
                Path torchTrace = directory.resolve("pytorch-" + a + "-" + round + ".json");
                Files.move(directory.resolve("pytorch.json"), torchTrace);
                pytorch.add(OpTrace.read(torchTrace));
            }
            print(text, OpTrace.median(djl), OpTrace.median(pytorch), run.measured());
        }
        System.out.printf("%nload at the end %s%n", TrainingParityReport.loadAverage());
        Files.deleteIfExists(run.splitFile());
    }

    private static void print(String architecture, OpTrace djl, OpTrace torch, int steps) {
        System.out.printf("%n%s: self CPU ms per step, all ops: djl-train %.2f, PyTorch %.2f%n%n",
                architecture.replace("|", "\\|"), djl.totalMicros() / 1000 / steps, torch.totalMicros() / 1000 / steps);
        table("op", djl.byName(), torch.byName(), steps, Integer.MAX_VALUE, 0.005);
        System.out.printf("%nthe %d op and input-shape pairs with the largest differences%n%n", TOP_SHAPES);
        table("op and input shapes", djl.byShape(), torch.byShape(), steps, TOP_SHAPES, 0);
    }

    /** Rows of {@code keys} from both sides, largest |difference| first; rows under {@code minMs} on both sides left out. */
    private static void table(String what, Map<String, OpStats> djl, Map<String, OpStats> torch, int steps, int limit,
                              double minMs) {
        System.out.printf("| %s | calls/step djl-train | calls/step PyTorch | self ms/step djl-train | self ms/step PyTorch | difference ms |%n", what);
        System.out.println("|---|---|---|---|---|---|");
        TreeSet<String> keys = new TreeSet<>(djl.keySet());
        keys.addAll(torch.keySet());
        OpStats none = new OpStats(0, 0);
        Comparator<String> byDifference = Comparator.comparingDouble(k -> -Math.abs(
                djl.getOrDefault(k, none).selfMicros() - torch.getOrDefault(k, none).selfMicros()));
        keys.stream().sorted(byDifference.thenComparing(Comparator.naturalOrder()))
                .filter(k -> Math.max(djl.getOrDefault(k, none).selfMicros(), torch.getOrDefault(k, none).selfMicros())
                        / 1000 / steps >= minMs)
                .limit(limit)
                .forEach(k -> {
                    OpStats ours = djl.getOrDefault(k, none);
                    OpStats theirs = torch.getOrDefault(k, none);
                    System.out.printf("| `%s` | %.1f | %.1f | %.3f | %.3f | %+.3f |%n", k, (double) ours.calls() / steps,
                            (double) theirs.calls() / steps, ours.selfMicros() / 1000 / steps,
                            theirs.selfMicros() / 1000 / steps, (ours.selfMicros() - theirs.selfMicros()) / 1000 / steps);
                });
    }
}
