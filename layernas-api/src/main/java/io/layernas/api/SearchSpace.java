package io.layernas.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A layerwise search space: an ordered list of layers, each with its ordered options.
 * A model is a choice of one option per layer, an {@link Architecture}.
 *
 * <p>Implementations must be immutable and thread-safe. Only {@link #name()} and
 * {@link #layers()} are abstract; formatting, parsing and validation have defaults that a
 * space may override (for instance to print {@code 64:48:64:24:64}).
 */
public interface SearchSpace {

    /** The short name the space is registered under, e.g. {@code nats-sss}. */
    String name();

    /** The layers in search order; never empty. */
    List<Layer> layers();

    /** Number of layers, {@code L}. */
    default int layerCount() {
        return layers().size();
    }

    /** The baseline architecture: option 0 in every layer. */
    default Architecture defaultArchitecture() {
        return Architecture.defaults(layerCount());
    }

    /**
     * Where a layerwise search starts: by default the {@link #defaultArchitecture() baseline}. A
     * space whose default options leave the network disconnected (a cell whose default edges are
     * all {@code none} has no path to its output, so every partly searched cell scores like
     * chance) returns an architecture whose unsearched layers keep it connected, e.g. the
     * NATS-Bench topology cell with each node a {@code skip_connect} from the previous one.
     */
    default Architecture searchStart() {
        return defaultArchitecture();
    }

    /** Number of unique architectures, {@code prod |S_i|}, as a double (it may exceed 1e39). */
    default double architectureCount() {
        double product = 1;
        for (Layer layer : layers()) {
            product *= layer.size();
        }
        return product;
    }

    /** Sum of options over layers, {@code sum |S_i|}. */
    default long optionCount() {
        long sum = 0;
        for (Layer layer : layers()) {
            sum += layer.size();
        }
        return sum;
    }

    /**
     * Checks that {@code architecture} belongs to this space.
     *
     * @throws IllegalArgumentException naming the layer and the allowed range when it does not
     */
    default void validate(Architecture architecture) {
        List<Layer> layers = layers();
        if (architecture.size() != layers.size()) {
            throw new IllegalArgumentException("architecture " + architecture + " has " + architecture.size()
                    + " layers but space '" + name() + "' has " + layers.size());
        }
        for (int i = 0; i < layers.size(); i++) {
            int choice = architecture.choice(i);
            if (choice >= layers.get(i).size()) {
                throw new IllegalArgumentException("architecture " + architecture + ": layer " + i + " ('"
                        + layers.get(i).name() + "') has options 0.." + (layers.get(i).size() - 1)
                        + " but " + choice + " was chosen");
            }
        }
    }

    /** The option names joined by ':', e.g. {@code 64:48:64:24:64}. */
    default String format(Architecture architecture) {
        validate(architecture);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < architecture.size(); i++) {
            if (i > 0) {
                text.append(':');
            }
            text.append(layers().get(i).options().get(architecture.choice(i)));
        }
        return text.toString();
    }

    /**
     * Reads the form {@link #format} writes, or option indices joined by '-' (the form of
     * {@link Architecture#toString()}).
     *
     * @throws IllegalArgumentException saying which part is wrong and what is allowed
     */
    default Architecture parse(String text) {
        String trimmed = text.trim();
        try {
            return parseNames(trimmed);
        } catch (IllegalArgumentException namesFailed) {
            if (!trimmed.matches("\\d+(-\\d+)*") || trimmed.split("-").length != layerCount()) {
                throw namesFailed;
            }
            String[] parts = trimmed.split("-");
            int[] choices = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                choices[i] = Integer.parseInt(parts[i]);
            }
            Architecture architecture = Architecture.of(choices);
            validate(architecture);
            return architecture;
        }
    }

    private Architecture parseNames(String text) {
        List<Layer> layers = layers();
        String[] parts = text.split(":", -1);
        if (parts.length != layers.size()) {
            throw new IllegalArgumentException("'" + text + "' has " + parts.length + " ':'-separated parts but space '"
                    + name() + "' has " + layers.size() + " layers");
        }
        int[] choices = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            choices[i] = layers.get(i).indexOf(parts[i]);
            if (choices[i] < 0) {
                throw new IllegalArgumentException("'" + text + "': layer " + i + " ('" + layers.get(i).name()
                        + "') has no option '" + parts[i] + "'; options are " + layers.get(i).options());
            }
        }
        return Architecture.of(choices);
    }

    /** All architectures of the space, in lexicographic order; only for small spaces. */
    default List<Architecture> enumerate(int limit) {
        if (architectureCount() > limit) {
            throw new IllegalStateException("space '" + name() + "' has " + architectureCount()
                    + " architectures, more than the limit " + limit);
        }
        List<Architecture> all = new ArrayList<>();
        int[] choices = new int[layerCount()];
        while (true) {
            all.add(Architecture.of(choices));
            int i = choices.length - 1;
            while (i >= 0 && ++choices[i] == layers().get(i).size()) {
                choices[i--] = 0;
            }
            if (i < 0) {
                return all;
            }
        }
    }
}
