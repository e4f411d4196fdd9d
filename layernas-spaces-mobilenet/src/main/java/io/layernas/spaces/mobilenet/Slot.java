package io.layernas.spaces.mobilenet;

import io.layernas.api.Op;

/**
 * One op of a {@link MobileNetSpace} and the (at most three) layers it depends on: the layer that
 * sets its input width, its own layer (kernel and expansion) and the layer that sets its output
 * width. A layer index of -1 means "fixed". The factory gets the option indices of those layers
 * (0 for a fixed one).
 */
record Slot(String name, int inLayer, int ownLayer, int outLayer, Factory factory) {

    /** Builds the op for the given option indices. */
    interface Factory {
        Op build(int inChoice, int ownChoice, int outChoice);
    }

    Op build(int inChoice, int ownChoice, int outChoice) {
        return factory.build(inChoice, ownChoice, outChoice);
    }
}
