package io.layernas.core;

import io.layernas.api.Architecture;
import java.nio.charset.StandardCharsets;

/**
 * Derives independent seeds from a run's seed, by name or by architecture, so that what a
 * component draws never depends on the order other components draw in.
 */
public final class Seeds {
    private Seeds() {
    }

    /** The seed of a named component of a run. */
    public static long forComponent(long seed, String component) {
        long h = seed;
        for (byte b : component.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ b);
        }
        return mix(h);
    }

    /** The seed of one architecture's evaluation in a run: independent of order and parallelism. */
    public static long forArchitecture(long seed, Architecture architecture) {
        long h = mix(seed ^ 0x5DEECE66DL);
        for (int choice : architecture.choices()) {
            h = mix(h ^ choice);
        }
        return h;
    }

    /** SplitMix64's finaliser: a bijective, well-mixing function of 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
