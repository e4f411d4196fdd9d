package io.layernas.api;

/**
 * The cost of architectures: MAdds, parameters, latency or any other measure that is known
 * without training. Costs may depend on choices in earlier layers (a MobileNet layer's MAdds
 * depend on the filters of the block before it).
 *
 * <p>Implementations must be thread-safe; the search calls them very often, so they should be
 * fast (microseconds) and may cache.
 */
public interface CostModel {

    /** The cost of a complete architecture, in {@link #unit()}s. */
    double cost(Architecture architecture);

    /**
     * The exact least and greatest cost over all architectures that agree with
     * {@code architecture} outside the layers {@code [freeFrom, freeTo)} and choose any option
     * inside them. With {@code freeFrom == freeTo} it is the cost of the architecture itself.
     *
     * <p>The search uses it twice: for the cost range of the candidates of layer {@code i}
     * ({@code range(default, 0, i + 1)}, Eq. 4's min and max) and for the costs a child can
     * still reach ({@code range(child, i + 1, L)}), to drop children that cannot meet the target.
     */
    CostRange range(Architecture architecture, int freeFrom, int freeTo);

    /** The unit of cost, e.g. {@code MAdds}, {@code params}, {@code ms}, {@code MFLOPs}. */
    default String unit() {
        return "cost";
    }
}
