package io.layernas.api;

import java.util.Objects;

/**
 * A {@link Plugin} with a fixed name and description, so that a provider says only what differs:
 * its public no-argument constructor (which {@link java.util.ServiceLoader} calls) passes both to
 * this one, and the class implements its provider interface's {@code create}.
 *
 * <pre>{@code
 * public final class TpeProvider extends AbstractPlugin implements StrategyProvider {
 *     public TpeProvider() {
 *         super("tpe", "baseline: Tree-structured Parzen Estimator");
 *     }
 *
 *     public SearchStrategy create(Settings settings) { ... }
 * }
 * }</pre>
 *
 * Immutable; thread-safe as far as the subclass is.
 */
public abstract class AbstractPlugin implements Plugin {
    private final String name;
    private final String description;

    /**
     * @param name        the short name users write in the YAML, lower case with dashes
     * @param description one line saying what it is
     */
    protected AbstractPlugin(String name, String description) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }
}
