package io.layernas.api;

/**
 * A capability of a {@link CostModel} whose cost is a sum over the ops of a {@link NetworkSpace}'s
 * network (MAdds, parameters, a latency table): the cost of each op, so that a space can show it
 * per layer ({@link DescribedSpace#describeNetwork}). Thread-safe like the cost model itself.
 */
public interface OpCosts extends CostModel {

    /** The cost of each op of the network of {@code architecture}, in order, in {@link #unit()}s. */
    double[] opCosts(Architecture architecture);
}
