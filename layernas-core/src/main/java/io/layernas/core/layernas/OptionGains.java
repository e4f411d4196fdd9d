package io.layernas.core.layernas;

import io.layernas.api.SearchSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What LayerNAS has learned about the options of each layer: the gain of a child over its parent
 * (its objective minus the parent's), the quantity LayerNAS's layerwise assumption is about. An
 * option's name is read as {@code '|'}-separated parts (a NAS-Bench-201 node's incoming edges,
 * {@code nor_conv_3x3~0|none~1}); a name without {@code '|'} is one part. The expected gain of an
 * option is the layer's mean gain plus, per part, how much the part's own mean (shrunk towards the
 * layer's with one pseudo-observation) lies above it; a draw from each part's uncertainty
 * (Thompson sampling, 0.6 sd / sqrt(n + 1)) makes the order explore. Owned by one search; not thread-safe.
 */
public final class OptionGains {
    private final List<List<String[]>> parts = new ArrayList<>();
    private final List<Map<String, double[]>> stats = new ArrayList<>();
    private final double[][] layerStats;
    /** Scale of the sampled uncertainty: 0.6 explored best of 0.3, 0.6 and 1 on the NATS-Bench tables (50 seeds). */
    private static final double EXPLORATION = 0.6;

    /** An empty model of {@code space}'s options. */
    public OptionGains(SearchSpace space) {
        layerStats = new double[space.layerCount()][3];
        for (int l = 0; l < space.layerCount(); l++) {
            List<String[]> layer = new ArrayList<>();
            for (String option : space.layers().get(l).options()) {
                layer.add(option.split("\\|"));
            }
            parts.add(layer);
            stats.add(new HashMap<>());
        }
    }

    /** Records that {@code option} of {@code layer} changed the objective by {@code gain}. */
    public void record(int layer, int option, double gain) {
        if (!Double.isFinite(gain)) {
            return;
        }
        add(layerStats[layer], gain);
        for (String part : parts.get(layer).get(option)) {
            add(stats.get(layer).computeIfAbsent(part, p -> new double[3]), gain);
        }
    }

    /**
     * The index in {@code remaining} (options of {@code layer}) with the highest sampled gain;
     * uniformly random while nothing is known of the layer.
     */
    public int next(int layer, List<Integer> remaining, SplittableRandom random) {
        double[] layerGain = layerStats[layer];
        if (layerGain[0] < 2) {
            return random.nextInt(remaining.size());
        }
        double mean = layerGain[1] / layerGain[0];
        double sd = Math.sqrt(Math.max(layerGain[2] / layerGain[0] - mean * mean, 0));
        Map<String, Double> sampled = new HashMap<>();
        int best = 0;
        double bestGain = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < remaining.size(); i++) {
            double gain = mean;
            for (String part : parts.get(layer).get(remaining.get(i))) {
                gain += sampled.computeIfAbsent(part, p -> sample(layer, p, mean, sd, random));
            }
            if (gain > bestGain) {
                best = i;
                bestGain = gain;
            }
        }
        return best;
    }

    private double sample(int layer, String part, double mean, double sd, SplittableRandom random) {
        double[] s = stats.get(layer).getOrDefault(part, new double[3]);
        double shrunk = (s[1] + mean) / (s[0] + 1);
        return shrunk - mean + EXPLORATION * gaussian(random) * sd / Math.sqrt(s[0] + 1);
    }

    private static void add(double[] stats, double value) {
        stats[0]++;
        stats[1] += value;
        stats[2] += value * value;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
