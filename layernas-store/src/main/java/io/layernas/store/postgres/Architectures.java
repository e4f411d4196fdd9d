package io.layernas.store.postgres;

import io.layernas.api.Architecture;

/** Architectures as stored: their {@link Architecture#toString()} form, choices joined by {@code -}. */
final class Architectures {
    private Architectures() {
    }

    /** The architecture of a stored text. */
    static Architecture parse(String text) {
        String[] parts = text.split("-");
        int[] choices = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            choices[i] = Integer.parseInt(parts[i]);
        }
        return Architecture.of(choices);
    }
}
