package io.layernas.api;

import java.util.Arrays;
import java.util.StringJoiner;

/**
 * One choice of option per layer, {@code (s_1..s_L)}, as option indices into the layers of a
 * {@link SearchSpace}. Index 0 of every layer is that layer's default option.
 *
 * <p>Immutable and thread-safe; equality is by the choices. Use {@link SearchSpace#format} for
 * the human-readable form and {@link SearchSpace#parse} to read it back.
 */
public final class Architecture implements Comparable<Architecture> {
    private final int[] choices;
    private final int hash;

    private Architecture(int[] choices) {
        this.choices = choices;
        this.hash = Arrays.hashCode(choices);
    }

    /** An architecture with the given option index per layer; indices must be non-negative. */
    public static Architecture of(int... choices) {
        for (int i = 0; i < choices.length; i++) {
            if (choices[i] < 0) {
                throw new IllegalArgumentException(
                        "option index of layer " + i + " is " + choices[i] + "; option indices start at 0");
            }
        }
        return new Architecture(choices.clone());
    }

    /** The default architecture of {@code layers} layers: option 0 everywhere. */
    public static Architecture defaults(int layers) {
        return new Architecture(new int[layers]);
    }

    /** Number of layers. */
    public int size() {
        return choices.length;
    }

    /** The option index chosen for {@code layer} (0-based). */
    public int choice(int layer) {
        return choices[layer];
    }

    /** A copy of the option indices. */
    public int[] choices() {
        return choices.clone();
    }

    /** This architecture with {@code layer} set to {@code option}; this one is unchanged. */
    public Architecture with(int layer, int option) {
        if (option < 0) {
            throw new IllegalArgumentException("option index must be non-negative, was " + option);
        }
        if (choices[layer] == option) {
            return this;
        }
        int[] next = choices.clone();
        next[layer] = option;
        return new Architecture(next);
    }

    /** True when every layer at or after {@code fromLayer} holds its default option 0. */
    public boolean isDefaultFrom(int fromLayer) {
        for (int i = Math.max(0, fromLayer); i < choices.length; i++) {
            if (choices[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The last layer that differs from the default, or -1 for the default architecture. A
     * candidate generated while searching layer {@code l} has {@code lastChangedLayer() <= l}.
     */
    public int lastChangedLayer() {
        for (int i = choices.length - 1; i >= 0; i--) {
            if (choices[i] != 0) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Architecture other && hash == other.hash && Arrays.equals(choices, other.choices);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public int compareTo(Architecture o) {
        return Arrays.compare(choices, o.choices);
    }

    /** The option indices joined by '-', e.g. {@code 0-3-1}; see {@link SearchSpace#format}. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner("-");
        for (int c : choices) {
            joiner.add(Integer.toString(c));
        }
        return joiner.toString();
    }
}
