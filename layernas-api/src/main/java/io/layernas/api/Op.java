package io.layernas.api;

import java.util.Objects;

/**
 * One concrete operation of a network built from an architecture, as the paper's model tables
 * list them (input, operator, filters, stride). Cost models count it; trainers build it.
 *
 * @param type             what it is
 * @param inputSize        spatial size of the (square) input, in pixels
 * @param inChannels       input channels
 * @param outChannels      output channels (filters; classes for the classifier)
 * @param expandedChannels the expanded filters of an inverted bottleneck; 0 for other types
 * @param kernel           kernel size (1 for dense layers and pooling covers the input)
 * @param stride           stride
 * @param squeezeExcite    true when a bottleneck has a squeeze-and-excite block
 * @param activation       {@code relu}, {@code relu6}, {@code hswish}, {@code swish} or {@code none}
 * @param residual         true when the input is added to the output
 * @param detail           type-specific text (e.g. a cell genotype), or empty
 */
public record Op(OpType type, int inputSize, int inChannels, int outChannels, int expandedChannels, int kernel,
                 int stride, boolean squeezeExcite, String activation, boolean residual, String detail) {
    public Op {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(detail, "detail");
        if (inputSize < 1 || inChannels < 1 || outChannels < 1 || kernel < 1 || stride < 1 || expandedChannels < 0) {
            throw new IllegalArgumentException("invalid " + type + " op: sizes must be positive: " + inputSize + "x"
                    + inputSize + "x" + inChannels + " -> " + outChannels + ", kernel " + kernel + ", stride " + stride);
        }
    }

    /** Spatial size of the output: {@code ceil(inputSize / stride)} ("same" padding), 1 after pooling. */
    public int outputSize() {
        return type == OpType.GLOBAL_POOL ? 1 : (inputSize + stride - 1) / stride;
    }

    /** The kinds of operation. */
    public enum OpType {
        /** k x k convolution with batch norm and activation. */
        CONV,
        /** Inverted bottleneck: 1x1 expand (absent when expanded == in), depthwise k x k, optional SE, 1x1 project. */
        BNECK,
        /** Global average pooling. */
        GLOBAL_POOL,
        /** Fully connected layer with bias (a 1x1 convolution on pooled features). */
        DENSE,
        /** ResNet basic block: two 3x3 convolutions, shortcut projected when shape changes. */
        RESIDUAL_BLOCK,
        /** A NAS-Bench cell whose genotype is in {@link Op#detail()}. */
        CELL
    }
}
