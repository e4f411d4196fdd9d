package io.layernas.core;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.SearchStrategy;
import io.layernas.api.Settings;
import io.layernas.api.StrategyProvider;
import java.util.Objects;
import java.util.function.Function;

/**
 * A provider of a strategy made from one settings record, whose component names are the YAML keys
 * ({@link Settings#getRecord}): the {@code tpe}, {@code evolution}, {@code ppo} and {@code random}
 * providers only name the strategy, its defaults and its constructor. Immutable.
 *
 * @param <C> the strategy's settings record
 */
public abstract class RecordStrategyProvider<C extends Record> extends AbstractPlugin implements StrategyProvider {
    private final C defaults;
    private final Function<C, ? extends SearchStrategy> factory;

    /**
     * @param name        the strategy's short name
     * @param description one line saying what it is
     * @param defaults    the settings when no key is given
     * @param factory     makes the strategy from its settings, e.g. {@code Tpe::new}
     */
    protected RecordStrategyProvider(String name, String description, C defaults,
                                     Function<C, ? extends SearchStrategy> factory) {
        super(name, description);
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public SearchStrategy create(Settings settings) {
        return factory.apply(settings.getRecord(defaults));
    }
}
