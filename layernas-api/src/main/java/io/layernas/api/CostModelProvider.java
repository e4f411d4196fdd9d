package io.layernas.api;

/** Makes a {@link CostModel} for a space; registered in {@code META-INF/services/io.layernas.api.CostModelProvider}. */
public interface CostModelProvider extends Plugin {

    /**
     * Creates the cost model.
     *
     * @throws ConfigurationException when the model does not work with {@code space}, saying which spaces it works with
     */
    CostModel create(SearchSpace space, Settings settings);
}
