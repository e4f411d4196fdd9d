package io.layernas.core;

import io.layernas.api.SearchStrategy;
import java.util.Objects;

/**
 * A strategy whose only field is its settings record {@code C}: the skeleton the built-in
 * strategies share. The record is immutable, so the strategy stays stateless and thread-safe; all
 * state of a search lives in the {@link io.layernas.api.SearchContext} and in locals of
 * {@link #search}.
 *
 * @param <C> the settings record
 */
public abstract class AbstractStrategy<C extends Record> implements SearchStrategy {
    /** The settings, for the subclass's {@code search}. */
    protected final C config;

    /** A strategy with the given settings. */
    protected AbstractStrategy(C config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The settings. */
    public final C config() {
        return config;
    }
}
