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
     * Sets every parameter of an initialised network from {@code random}, independently of the
     * engine's global generator (which parallel evaluations would share): He-normal weights
     * ({@code std = sqrt(2 / fan_in)}), zero biases, batch norm at identity.
     */
    public static void initialize(Block network, SplittableRandom random) {
        for (Pair<String, Parameter> entry : network.getParameters()) {
            Parameter parameter = entry.getValue();
            NDArray array = parameter.getArray();
            float[] values = new float[Math.toIntExact(array.size())];
            switch (parameter.getType()) {
                case WEIGHT -> heNormal(values, array.size() / array.getShape().get(0), random);
                case GAMMA, RUNNING_VAR -> Arrays.fill(values, 1f);
                default -> Arrays.fill(values, 0f);
            }
            array.set(values);
        }
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
