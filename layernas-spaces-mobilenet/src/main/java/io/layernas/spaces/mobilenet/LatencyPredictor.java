package io.layernas.spaces.mobilenet;

import io.layernas.api.Op;
import io.layernas.api.Op.OpType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Predicts the latency of ops a lookup table lacks, from the ops it has.
 *
 * <p>Bottlenecks: a least-squares fit of latency (ms), weighted to minimise the relative error
 * (each sample divided by its latency), against the work of their parts,
 * {@code [1, expand MAdds, depthwise MAdds, project MAdds, SE MAdds, activation memory]}
 * (MAdds and memory in millions; memory counts the elements of the input, the expanded tensor
 * before and after the depthwise convolution, and the output). Features that are zero in every
 * sample (SE in a table without SE blocks) get weight 0. Other ops: the table's ms per MAdd of
 * ops of the same kind (the stem conv, the 1x1 head conv, the dense layers), or, for a kind the
 * table lacks, the ms per MAdd over all its non-bottleneck entries; pooling the table lacks
 * costs 0 ms. Predictions are never negative. Immutable and thread-safe.
 */
public final class LatencyPredictor {
    private static final int FEATURES = 6;
    private final double[] weights;
    private final Map<Kind, Double> msPerWork;
    private final double fallbackMsPerMadd;

    private LatencyPredictor(double[] weights, Map<Kind, Double> msPerWork, double fallbackMsPerMadd) {
        this.weights = weights;
        this.msPerWork = msPerWork;
        this.fallbackMsPerMadd = fallbackMsPerMadd;
    }

    /** Fits a predictor to ops and their measured latencies in ms. */
    public static LatencyPredictor fit(List<Op> ops, List<Double> latenciesMs) {
        List<double[]> rows = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        Map<Kind, double[]> sums = new EnumMap<>(Kind.class);
        double[] all = new double[2];
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            if (op.type() == OpType.BNECK) {
                double y = latenciesMs.get(i);
                double[] x = features(op);
                for (int j = 0; j < x.length; j++) {
                    x[j] /= y;
                }
                rows.add(x);
                targets.add(1.0);
            } else {
                double[] s = sums.computeIfAbsent(Kind.of(op), k -> new double[2]);
                s[0] += latenciesMs.get(i);
                s[1] += work(op);
                if (op.type() != OpType.GLOBAL_POOL) {
                    all[0] += latenciesMs.get(i);
                    all[1] += work(op);
                }
            }
        }
        Map<Kind, Double> rates = new EnumMap<>(Kind.class);
        sums.forEach((kind, s) -> rates.put(kind, s[1] > 0 ? s[0] / s[1] : 0));
        return new LatencyPredictor(LeastSquares.solve(rows, targets, FEATURES), rates, all[1] > 0 ? all[0] / all[1] : 0);
    }

    /** The predicted latency of {@code op}, in ms, at least 0. */
    public double predict(Op op) {
        if (op.type() == OpType.BNECK) {
            double[] x = features(op);
            double ms = 0;
            for (int j = 0; j < FEATURES; j++) {
                ms += weights[j] * x[j];
            }
            return Math.max(0, ms);
        }
        Double rate = msPerWork.get(Kind.of(op));
        if (rate != null) {
            return rate * work(op);
        }
        return op.type() == OpType.GLOBAL_POOL ? 0 : fallbackMsPerMadd * work(op);
    }

    /** The fitted bottleneck weights, ms per unit of each feature (intercept first). */
    public double[] bottleneckWeights() {
        return weights.clone();
    }

    static double[] features(Op op) {
        double in = (double) op.inputSize() * op.inputSize();
        double out = (double) op.outputSize() * op.outputSize();
        double expandedIn = OpCounter.hasExpansion(op) ? in * op.expandedChannels() : 0;
        double memory = in * op.inChannels() + expandedIn + out * op.expandedChannels() + out * op.outChannels();
        return new double[] {1, OpCounter.expandMadds(op) / 1e6, OpCounter.depthwiseMadds(op) / 1e6,
            OpCounter.projectMadds(op) / 1e6, OpCounter.seMadds(op) / 1e6, memory / 1e6};
    }

    private static double work(Op op) {
        return op.type() == OpType.GLOBAL_POOL ? (double) op.inputSize() * op.inputSize() * op.inChannels()
                : OpCounter.madds(op);
    }

    /** The kinds of non-bottleneck op a table lists separately. */
    private enum Kind {
        STEM, HEAD_CONV, POOL, HIDDEN_DENSE, CLASSIFIER;

        static Kind of(Op op) {
            return switch (op.type()) {
                case CONV -> op.kernel() == 1 ? HEAD_CONV : STEM;
                case GLOBAL_POOL -> POOL;
                case DENSE -> "none".equals(op.activation()) ? CLASSIFIER : HIDDEN_DENSE;
                default -> throw new IllegalArgumentException("latency of " + op.type() + " ops is not modelled");
            };
        }
    }
}
