package io.layernas.api;

/**
 * A capability of a {@link SearchSpace} that prints itself as its paper does: the space as a table
 * of layers, and one architecture as a table of the ops of its network. Tools ({@code layernas
 * describe}) show these tables in front of their generic per-layer listing, so a new space
 * describes itself without the tool knowing it. Implementations are stateless and thread-safe.
 */
public interface DescribedSpace extends SearchSpace {

    /** The space table, plain text with aligned columns, ending with a line break. */
    String describeSpace();

    /**
     * The table of the network of {@code architecture}, plain text with aligned columns, ending with
     * a line break.
     *
     * @param costs the cost model the user chose, or {@code null}; a space may add a column per op
     *              when the model can {@linkplain OpCosts price each op}
     */
    String describeNetwork(Architecture architecture, CostModel costs);
}
