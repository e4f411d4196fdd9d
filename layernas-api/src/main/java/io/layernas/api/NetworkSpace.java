package io.layernas.api;

import java.util.List;

/**
 * A search space whose architectures decode to a concrete network, so that analytic cost models
 * can count it, trainers can build it and tools can print it layer by layer.
 */
public interface NetworkSpace extends SearchSpace {

    /** The input the networks are built for. */
    InputShape input();

    /** The network of {@code architecture}, in order from input to classifier. */
    List<Op> network(Architecture architecture);
}
