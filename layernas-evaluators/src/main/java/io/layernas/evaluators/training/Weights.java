package io.layernas.evaluators.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Counts and seeds the parameters of a DJL network.
 *
 * <p><b>What "params" counts:</b> the weights and biases of convolutions and dense layers, that is
 * every trainable parameter except batch norm's. Batch norm's scale and shift (and its running
 * statistics, which are not trained) are left out because at inference they fold into the
 * preceding convolution; this is the convention of the MobileNet cost models. NATS-Bench counts
 * batch norm's scale and shift too: {@link #countTrainable} gives that count.
 */
public final class Weights {

    private Weights() {
    }

    /** The number of convolution and dense weights and biases of an initialised network. */
    public static long countParams(Block network) {
        long count = 0;
        for (Pair<String, Parameter> entry : network.getParameters()) {
            Parameter parameter = entry.getValue();
            if (isWeightOrBias(parameter)) {
                count += parameter.getArray().size();
            }
        }
        return count;
    }

    /**
     * Sets every parameter of an initialised network from {@code random} as PyTorch's own layers
     * initialise themselves (what {@code docs/examples/train_candidate.py} trains with), independently
     * of the engine's global generator (which parallel evaluations would share):
     * <ul>
     *   <li>convolution and dense weights: {@code kaiming_uniform_(a = sqrt(5))}, that is uniform in
     *       {@code [-b, b]} with {@code b = 1 / sqrt(fan_in)}, {@code fan_in} = input channels per group
     *       times the kernel area;</li>
     *   <li>their biases: uniform in the same {@code [-b, b]} of their weight's {@code fan_in};</li>
     *   <li>batch norm: scale 1, shift 0, running mean 0, running variance 1.</li>
     * </ul>
     */
    public static void initialize(Block network, SplittableRandom random) {
        initialize(network, random, false);
    }

    /**
     * As {@link #initialize(Block, SplittableRandom)}, or with {@code heNormal} as djl-train did before
     * issue 18 (the report's {@link Reverts#init}): normal weights of {@code std = sqrt(2 / fan_in)}, zero biases.
     */
    static void initialize(Block network, SplittableRandom random, boolean heNormal) {
        for (Pair<String, Parameter> entry : network.getDirectParameters()) {
            initialize(entry.getValue(), fanIn(network), random, heNormal);
        }
        for (Pair<String, Block> child : network.getChildren()) {
            initialize(child.getValue(), random, heNormal);
        }
    }

    /** {@code 1 / sqrt(fan_in)}: PyTorch's bound for a weight of {@code fanIn} inputs per output and its bias. */
    static double uniformBound(long fanIn) {
        return 1 / Math.sqrt(Math.max(1, fanIn));
    }

    private static void initialize(Parameter parameter, long fanIn, SplittableRandom random, boolean heNormal) {
        NDArray array = parameter.getArray();
        float[] values = new float[Math.toIntExact(array.size())];
        switch (parameter.getType()) {
            case WEIGHT -> {
                if (heNormal) {
                    heNormal(values, fanIn, random);
                } else {
                    uniform(values, uniformBound(fanIn), random);
                }
            }
            case BIAS -> {
                if (!heNormal) {
                    uniform(values, uniformBound(fanIn), random);
                } // else zeros
            }
            case GAMMA, RUNNING_VAR -> Arrays.fill(values, 1f);
            default -> Arrays.fill(values, 0f);
        }
        array.set(values);
    }

    /** The fan-in of a block's weight: its elements per output channel or unit; 0 when it has none. */
    private static long fanIn(Block block) {
        for (Pair<String, Parameter> entry : block.getDirectParameters()) {
            if (entry.getValue().getType() == Parameter.Type.WEIGHT) {
                NDArray weight = entry.getValue().getArray();
                return weight.size() / weight.getShape().get(0);
            }
        }
        return 0;
    }

    /** All trainable parameters of an initialised network, batch norm's scale and shift included. */
    public static long countTrainable(Block network) {
        long count = 0;
        for (Pair<String, Parameter> entry : network.getParameters()) {
            if (entry.getValue().requiresGradient()) {
                count += entry.getValue().getArray().size();
            }
        }
        return count;
    }

    private static boolean isWeightOrBias(Parameter parameter) {
        return parameter.requiresGradient()
                && (parameter.getType() == Parameter.Type.WEIGHT || parameter.getType() == Parameter.Type.BIAS);
    }

    private static void uniform(float[] values, double bound, SplittableRandom random) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
    }

    private static void heNormal(float[] values, long fanIn, SplittableRandom random) {
        double std = Math.sqrt(2.0 / Math.max(1, fanIn));
        for (int i = 0; i < values.length; i += 2) {
            double u = 1.0 - random.nextDouble();
            double radius = std * Math.sqrt(-2 * Math.log(u));
            double angle = 2 * Math.PI * random.nextDouble();
            values[i] = (float) (radius * Math.cos(angle));
            if (i + 1 < values.length) {
                values[i + 1] = (float) (radius * Math.sin(angle));
            }
        }
    }
}
