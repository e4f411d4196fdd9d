package io.layernas.api;

/** Makes a {@link SearchSpace}; registered in {@code META-INF/services/io.layernas.api.SearchSpaceProvider}. */
public interface SearchSpaceProvider extends Plugin {

    /** Creates the space from its settings (e.g. input resolution, number of classes). */
    SearchSpace create(Settings settings);
}
