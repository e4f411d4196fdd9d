package io.layernas.spaces.mobilenet;

import io.layernas.api.Op;
import io.layernas.api.Op.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * Latency of MobileNet ops on one device: the table's mean when the op's key is in the table
 * (exact lookup), otherwise the {@link LatencyPredictor} fitted to the table's entries.
 * Immutable and thread-safe.
 *
 * @param table     the measured latencies
 * @param predictor the predictor for ops the table lacks
 */
public record LatencyModel(LatencyTable table, LatencyPredictor predictor) {

    /** Looks up in {@code table} and predicts from a predictor fitted to all of its entries. */
    public static LatencyModel of(LatencyTable table) {
        Samples samples = Samples.of(table);
        return new LatencyModel(table, LatencyPredictor.fit(samples.ops, samples.ms));
    }

    /** The latency of {@code op}, in ms. */
    public double latencyMs(Op op) {
        String key = LatencyKeys.key(op, table.format());
        OptionalDouble ms = key == null ? OptionalDouble.empty() : table.lookup(key);
        return ms.isPresent() ? ms.getAsDouble() : predictor.predict(op);
    }

    /** True when the latency of {@code op} comes from the table rather than the predictor. */
    public boolean inTable(Op op) {
        String key = LatencyKeys.key(op, table.format());
        return key != null && table.lookup(key).isPresent();
    }

    /**
     * The predictor's error on bottleneck entries it did not see: the table's bottlenecks are
     * shuffled with {@code seed}, split into {@code folds}, and each fold is predicted by a
     * predictor fitted to the other folds and all non-bottleneck entries.
     */
    public static HeldOutError heldOutError(LatencyTable table, int folds, long seed) {
        Samples samples = Samples.of(table);
        List<Integer> bnecks = new ArrayList<>();
        for (int i = 0; i < samples.ops.size(); i++) {
            if (samples.ops.get(i).type() == OpType.BNECK) {
                bnecks.add(i);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = bnecks.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            bnecks.set(i, bnecks.set(j, bnecks.get(i)));
        }
        double sum = 0;
        double max = 0;
        for (int f = 0; f < folds; f++) {
            List<Integer> held = new ArrayList<>();
            for (int i = f; i < bnecks.size(); i += folds) {
                held.add(bnecks.get(i));
            }
            LatencyPredictor p = samples.without(held).fit();
            for (int i : held) {
                double error = Math.abs(p.predict(samples.ops.get(i)) - samples.ms.get(i)) / samples.ms.get(i) * 100;
                sum += error;
                max = Math.max(max, error);
            }
        }
        return new HeldOutError(bnecks.size(), sum / bnecks.size(), max);
    }

    /**
     * Cross-validated error of the bottleneck predictor.
     *
     * @param samples        bottleneck entries predicted
     * @param meanAbsPercent mean absolute error, percent of the measured latency
     * @param maxAbsPercent  largest absolute error, percent
     */
    public record HeldOutError(int samples, double meanAbsPercent, double maxAbsPercent) {
    }

    /** The table's entries as ops with their latencies. */
    private record Samples(List<Op> ops, List<Double> ms) {
        static Samples of(LatencyTable table) {
            List<Op> ops = new ArrayList<>();
            List<Double> ms = new ArrayList<>();
            for (Map.Entry<String, Double> e : table.entries().entrySet()) {
                Op op;
                try {
                    op = LatencyKeys.parse(e.getKey(), table.format());
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException("latency table " + table.source() + ": " + bad.getMessage(), bad);
                }
                if (op != null) {
                    ops.add(op);
                    ms.add(e.getValue());
                }
            }
            return new Samples(ops, ms);
        }

        Samples without(List<Integer> held) {
            List<Op> keptOps = new ArrayList<>();
            List<Double> keptMs = new ArrayList<>();
            for (int i = 0; i < ops.size(); i++) {
                if (!held.contains(i)) {
                    keptOps.add(ops.get(i));
                    keptMs.add(ms.get(i));
                }
            }
            return new Samples(keptOps, keptMs);
        }

        LatencyPredictor fit() {
            return LatencyPredictor.fit(ops, ms);
        }
    }
}
