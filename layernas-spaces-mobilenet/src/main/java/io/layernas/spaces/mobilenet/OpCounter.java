package io.layernas.spaces.mobilenet;

import io.layernas.api.Op;

/**
 * Analytic multiply-adds and parameter counts of one {@link Op}, with the conventions of the
 * published MobileNet model zoos (TensorFlow-Slim {@code nets/mobilenet}):
 * <ul>
 *   <li>convolutions, depthwise convolutions, the squeeze-and-excite fully connected layers and
 *       dense layers count; additions, activations, pooling and the SE gating multiply do not;</li>
 *   <li>batch norm is folded into the preceding convolution: it adds no MAdds and no parameters,
 *       and convolutions followed by batch norm have no bias;</li>
 *   <li>dense layers (and the SE layers) have a bias;</li>
 *   <li>a convolution's output is {@code ceil(H / stride)} pixels wide ("same" padding);</li>
 *   <li>squeeze-and-excite reduces the expanded width {@code e} to
 *       {@link #seChannels(int) make_divisible(e / 4, 8)} as in MobileNetV3.</li>
 * </ul>
 * Counts are exact integers: MAdds in multiply-adds, parameters in scalars. Stateless and thread-safe.
 */
public final class OpCounter {
    private OpCounter() {
    }

    /** Multiply-adds of {@code op}, in MAdds (not millions). */
    public static long madds(Op op) {
        long out = (long) op.outputSize() * op.outputSize();
        return switch (op.type()) {
            case CONV -> out * op.kernel() * op.kernel() * op.inChannels() * op.outChannels();
            case BNECK -> expandMadds(op) + depthwiseMadds(op) + seMadds(op) + projectMadds(op);
            case DENSE -> (long) op.inChannels() * op.outChannels();
            case GLOBAL_POOL -> 0;
            default -> throw unsupported(op);
        };
    }

    /** Parameters of {@code op}, in scalars. */
    public static long params(Op op) {
        long k2 = (long) op.kernel() * op.kernel();
        return switch (op.type()) {
            case CONV -> k2 * op.inChannels() * op.outChannels();
            case BNECK -> expandParams(op) + k2 * op.expandedChannels() + seParams(op)
                    + (long) op.expandedChannels() * op.outChannels();
            case DENSE -> (long) op.inChannels() * op.outChannels() + op.outChannels();
            case GLOBAL_POOL -> 0;
            default -> throw unsupported(op);
        };
    }

    /**
     * Channels normalised by batch norm in {@code op} (every convolution, none in dense layers), for
     * comparing with frameworks that count batch norm: they report {@code 2 x batchNormChannels}
     * more trainable parameters (scale and shift) and as many again of running statistics.
     */
    public static long batchNormChannels(Op op) {
        return switch (op.type()) {
            case CONV -> op.outChannels();
            case BNECK -> (hasExpansion(op) ? op.expandedChannels() : 0) + op.expandedChannels() + op.outChannels();
            default -> 0;
        };
    }

    /** MAdds of a bottleneck's 1x1 expansion; 0 when it has none (expanded == input channels). */
    public static long expandMadds(Op op) {
        return hasExpansion(op) ? (long) op.inputSize() * op.inputSize() * op.inChannels() * op.expandedChannels() : 0;
    }

    /** MAdds of a bottleneck's depthwise convolution. */
    public static long depthwiseMadds(Op op) {
        return (long) op.outputSize() * op.outputSize() * op.kernel() * op.kernel() * op.expandedChannels();
    }

    /** MAdds of a bottleneck's squeeze-and-excite layers (two fully connected layers on pooled features). */
    public static long seMadds(Op op) {
        return op.squeezeExcite() ? 2L * op.expandedChannels() * seChannels(op.expandedChannels()) : 0;
    }

    /** MAdds of a bottleneck's 1x1 projection. */
    public static long projectMadds(Op op) {
        return (long) op.outputSize() * op.outputSize() * op.expandedChannels() * op.outChannels();
    }

    /** True when a bottleneck has a 1x1 expansion, that is when its expanded width differs from its input. */
    public static boolean hasExpansion(Op op) {
        return op.expandedChannels() != op.inChannels();
    }

    /** The squeeze width of a squeeze-and-excite block on {@code expanded} channels. */
    public static int seChannels(int expanded) {
        return makeDivisible(expanded / 4.0, 8);
    }

    /**
     * MobileNet's {@code _make_divisible}: {@code value} rounded to the nearest multiple of
     * {@code divisor}, at least {@code divisor}, and never more than 10% below {@code value}.
     */
    public static int makeDivisible(double value, int divisor) {
        int rounded = Math.max(divisor, (int) (value + divisor / 2.0) / divisor * divisor);
        return rounded < 0.9 * value ? rounded + divisor : rounded;
    }

    private static long expandParams(Op op) {
        return hasExpansion(op) ? (long) op.inChannels() * op.expandedChannels() : 0;
    }

    private static long seParams(Op op) {
        if (!op.squeezeExcite()) {
            return 0;
        }
        long e = op.expandedChannels();
        long r = seChannels(op.expandedChannels());
        return 2 * e * r + r + e;
    }

    private static UnsupportedOperationException unsupported(Op op) {
        return new UnsupportedOperationException("OpCounter counts MobileNet ops (CONV, BNECK, GLOBAL_POOL, DENSE), not "
                + op.type());
    }
}
