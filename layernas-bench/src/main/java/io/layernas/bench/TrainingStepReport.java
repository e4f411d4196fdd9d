package io.layernas.bench;

import io.layernas.api.Architecture;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Evaluator;
import io.layernas.api.Metrics;
import io.layernas.api.NetworkSpace;
import io.layernas.evaluators.training.StepProfiler;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a training step's time goes, in {@code djl-train} ({@code StepProfiler}) and in
 * {@code docs/examples/train_candidate.py} ({@code PROFILE=1}): the batch copied in, forward pass and
 * loss, reading the loss, backward pass (PyTorch: with {@code zero_grad}), optimizer update (PyTorch: with
 * the scheduler's step) and freeing the step's arrays (djl-train only; Python frees by reference count
 * inside the other phases). The two sides run interleaved, {@code rounds} times each, so that load from
 * other processes hits both alike; the table gives each phase's median over rounds of the mean ms per
 * step, and the ratio. The row {@code faults} counts minor page faults per step (not ms): memory the allocator
 * had given back to the system and the kernel maps and zeroes again on first touch. The row {@code cpu} is the CPU time of the whole process per step (all its
 * threads): other processes' load stretches wall times but hardly CPU times, and at 1 thread on an idle
 * machine the two agree. A report, not a test: figures depend on the machine and its load.
 *
 * <p>Arguments: {@code warmup measured rounds threads python architecture...} (defaults 150, 40, 3, 2,
 * {@code /usr/bin/python3}, the {@code mobilenet-mini} baseline). Batch 64 on the parity report's images.
 */
public final class TrainingStepReport {
    private static final List<String> PHASES = List.of("data", "forward", "loss_read", "backward", "optimizer",
            "free", "total", "cpu", "faults");

    private TrainingStepReport() {
    }

    /** Runs the report; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        StepRun run = StepRun.parse(args, 40, 2);
        Evaluator torch = run.pytorch(Map.of("PROFILE", "1"));
        System.out.println(run.header("measured"));
        for (String text : run.architectures()) {
            NetworkSpace space = TrainingParityReport.spaceOf(text);
            Architecture architecture = space.parse(text);
            List<Map<String, Double>> djl = new ArrayList<>();
            List<Map<String, Double>> pytorch = new ArrayList<>();
            for (int round = 0; round < run.rounds(); round++) {
                djl.add(StepProfiler.profile(run.settings(), space.network(architecture), space.input(), round,
                        run.warmup(), run.measured()));
                pytorch.add(pythonProfile(torch, space, architecture, round));
            }
            print(text, djl, pytorch);
        }
        System.out.printf("%nload at the end %s%n", TrainingParityReport.loadAverage());
        Files.deleteIfExists(run.splitFile());
    }

    private static Map<String, Double> pythonProfile(Evaluator torch, NetworkSpace space, Architecture architecture,
                                                     long seed) throws Exception {
        Metrics metrics = torch.evaluate(new EvaluationRequest(space, architecture, 0, seed, 1));
        Map<String, Double> phases = new LinkedHashMap<>();
        for (String phase : PHASES) {
            phases.put(phase, metrics.value(phase.equals("faults") ? "profile_faults" : "profile_" + phase + "_ms", 0));
        }
        return phases;
    }

    private static void print(String architecture, List<Map<String, Double>> djl, List<Map<String, Double>> pytorch) {
        System.out.printf("%n%s, ms per step (median of %d rounds)%n%n", architecture.replace("|", "\\|"), djl.size());
        System.out.println("| phase | djl-train | PyTorch | djl-train / PyTorch |");
        System.out.println("|---|---|---|---|");
        for (String phase : PHASES) {
            double ours = median(djl, phase);
            double theirs = median(pytorch, phase);
            System.out.printf("| %s | %.2f | %.2f | %s |%n", phase, ours, theirs,
                    theirs > 0.005 ? String.format("%.2f", ours / theirs) : "-");
        }
    }

    private static double median(List<Map<String, Double>> rounds, String phase) {
        double[] values = rounds.stream().mapToDouble(r -> r.getOrDefault(phase, 0.0)).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
