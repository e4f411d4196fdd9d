package io.layernas.api;

/** Makes a {@link SearchStrategy}; registered in {@code META-INF/services/io.layernas.api.StrategyProvider}. */
public interface StrategyProvider extends Plugin {

    /** Creates the strategy from its settings, checking them. */
    SearchStrategy create(Settings settings);
}
