package io.layernas.api;

import java.util.Objects;

/**
 * An architecture a strategy wants evaluated, with where it came from.
 *
 * @param architecture the architecture
 * @param layer        the layer being searched, or -1
 * @param bucket       its cost bucket in that layer, or -1
 */
public record Candidate(Architecture architecture, int layer, int bucket) {
    public Candidate {
        Objects.requireNonNull(architecture, "architecture");
    }

    /** A candidate outside any layerwise search. */
    public static Candidate of(Architecture architecture) {
        return new Candidate(architecture, -1, -1);
    }
}
