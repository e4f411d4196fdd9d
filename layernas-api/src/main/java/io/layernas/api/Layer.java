package io.layernas.api;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One searchable layer: its name and its ordered options. Option 0 is the default (baseline)
 * option. Spaces order options as the paper does, from most to least costly where cost is
 * monotone in the option, so that option 0 is the largest.
 *
 * @param name    human-readable name, unique within a space (e.g. {@code "block2.filters"})
 * @param options option names, unique within the layer, none empty and none containing ':'
 * @param virtual true for a layer that is not a network layer of its own but a shared choice
 *                (the "block filter" layers of the paper's Appendix E.3)
 */
public record Layer(String name, List<String> options, boolean virtual) {
    public Layer {
        Objects.requireNonNull(name, "name");
        options = List.copyOf(options);
        if (options.isEmpty()) {
            throw new IllegalArgumentException("layer '" + name + "' has no options");
        }
        Set<String> seen = new HashSet<>();
        for (String option : options) {
            if (option.isEmpty() || option.indexOf(':') >= 0) {
                throw new IllegalArgumentException(
                        "layer '" + name + "' option '" + option + "' must be non-empty and contain no ':'");
            }
            if (!seen.add(option)) {
                throw new IllegalArgumentException("layer '" + name + "' lists option '" + option + "' twice");
            }
        }
    }

    /** A network layer (not virtual). */
    public Layer(String name, List<String> options) {
        this(name, options, false);
    }

    /** Number of options, {@code |S_i|}. */
    public int size() {
        return options.size();
    }

    /** The index of the option named {@code option}, or -1. */
    public int indexOf(String option) {
        return options.indexOf(option);
    }
}
