package io.layernas.api;

/**
 * The input a network is built for.
 *
 * @param size     spatial size of the square input, pixels
 * @param channels input channels (3 for RGB, 1 for grey)
 * @param classes  number of output classes
 */
public record InputShape(int size, int channels, int classes) {
    public InputShape {
        if (size < 1 || channels < 1 || classes < 1) {
            throw new IllegalArgumentException("input shape must be positive: " + size + "x" + size + "x" + channels
                    + ", " + classes + " classes");
        }
    }
}
