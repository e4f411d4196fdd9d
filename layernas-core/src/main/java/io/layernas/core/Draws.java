package io.layernas.core;

import io.layernas.api.Architecture;
import io.layernas.api.SearchSpace;
import java.util.SplittableRandom;

/** Uniform draws and one-layer mutations of architectures, shared by the baselines. Stateless. */
public final class Draws {
    private Draws() {
    }

    /** An architecture with every layer's option drawn uniformly. */
    public static Architecture uniform(SearchSpace space, SplittableRandom random) {
        int[] choices = new int[space.layerCount()];
        for (int layer = 0; layer < choices.length; layer++) {
            choices[layer] = random.nextInt(space.layers().get(layer).size());
        }
        return Architecture.of(choices);
    }

    /**
     * {@code parent} with one layer, drawn uniformly among layers that have more than one option,
     * set to another of its options, drawn uniformly. A space with one architecture returns the parent.
     */
    public static Architecture mutate(Architecture parent, SearchSpace space, SplittableRandom random) {
        int mutable = 0;
        for (int layer = 0; layer < space.layerCount(); layer++) {
            mutable += space.layers().get(layer).size() > 1 ? 1 : 0;
        }
        if (mutable == 0) {
            return parent;
        }
        int pick = random.nextInt(mutable);
        for (int layer = 0; layer < space.layerCount(); layer++) {
            int size = space.layers().get(layer).size();
            if (size > 1 && pick-- == 0) {
                int option = random.nextInt(size - 1);
                return parent.with(layer, option >= parent.choice(layer) ? option + 1 : option);
            }
        }
        throw new AssertionError("unreachable: a mutable layer was counted");
    }
}
