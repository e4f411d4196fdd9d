package io.layernas.cli.wiring;

import io.layernas.api.CandidateExecutor;
import io.layernas.api.ConfigurationException;
import io.layernas.api.CostModel;
import io.layernas.api.Evaluator;
import io.layernas.api.ExecutorSetup;
import io.layernas.api.Plugin;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchStrategy;
import io.layernas.api.Settings;
import io.layernas.cli.config.PluginChoice;
import io.layernas.cli.config.SectionReader;
import io.layernas.cli.plugins.PluginKind;
import io.layernas.cli.plugins.PluginRegistry;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Creates plugins from their sections: finds the provider by name, lets it read its settings,
 * then rejects keys it did not read. Every failure becomes a {@link ConfigurationException} that
 * names the section. Thread-safe.
 */
public final class Plugins {
    private final PluginRegistry registry;

    /** Creates plugins found in {@code registry}. */
    @Inject
    public Plugins(PluginRegistry registry) {
        this.registry = registry;
    }

    /**
     * A plugin's section written in code rather than in an experiment file (a command's options, a
     * benchmark): {@code kind}'s section naming {@code name}, with {@code settings}, relative paths
     * resolved against the working directory.
     */
    public static PluginChoice choice(PluginKind kind, String name, Map<String, ?> settings) {
        return new PluginChoice(kind.label(), kind.section(), kind.nameKey(), name, new LinkedHashMap<>(settings),
                Path.of("").toAbsolutePath());
    }

    /** The registry. */
    public PluginRegistry registry() {
        return registry;
    }

    /** The space of {@code choice}. */
    public SearchSpace space(PluginChoice choice) {
        return create(choice, registry.space(choice.name(), choice.nameKeyPath()), p -> p::create);
    }

    /** The cost model of {@code choice} for {@code space}. */
    public CostModel costModel(PluginChoice choice, SearchSpace space) {
        return create(choice, registry.costModel(choice.name(), choice.nameKeyPath()),
                p -> settings -> p.create(space, settings));
    }

    /** The evaluator of {@code choice} for {@code space}. */
    public Evaluator evaluator(PluginChoice choice, SearchSpace space) {
        return create(choice, registry.evaluator(choice.name(), choice.nameKeyPath()),
                p -> settings -> p.create(space, settings));
    }

    /** The executor of {@code choice}. */
    public CandidateExecutor executor(PluginChoice choice, ExecutorSetup setup) {
        return create(choice, registry.executor(choice.name(), choice.nameKeyPath()), p -> settings -> p.create(setup,
                settings));
    }

    /** The strategy of {@code choice}. */
    public SearchStrategy strategy(PluginChoice choice) {
        return create(choice, registry.strategy(choice.name(), choice.nameKeyPath()), p -> p::create);
    }

    private static <P extends Plugin, T> T create(PluginChoice choice, P provider,
                                                  Function<P, Function<Settings, T>> creator) {
        Settings settings = choice.settings();
        T created;
        try {
            created = creator.apply(provider).apply(settings);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(inSection(choice, e.getMessage()) + unread(settings), e);
        } catch (RuntimeException e) {
            throw new ConfigurationException(choice.owner() + " (section " + choice.section() + ") rejected its "
                    + "settings: " + e.getMessage() + unread(settings), e);
        }
        if (created == null) {
            throw new ConfigurationException(choice.owner() + " created nothing; its plugin ("
                    + provider.getClass().getName() + ") is broken.");
        }
        SectionReader.requireAllUsed(settings, choice.owner(), List.of(choice.nameKey()));
        return created;
    }

    /**
     * The message, with the key in front unless it names a key of the section already: the key whose
     * value the message quotes (a data file's path, say), else the section.
     */
    private static String inSection(PluginChoice choice, String message) {
        if (message.contains(choice.section() + ".")) {
            return message;
        }
        for (Map.Entry<String, Object> entry : choice.values().entrySet()) {
            if (entry.getValue() instanceof String value && !value.isBlank() && message.contains(value)) {
                return choice.section() + "." + entry.getKey() + " (" + value + ") of " + choice.owner() + ": "
                        + message;
            }
        }
        return choice.owner() + " (section " + choice.section() + "): " + message;
    }

    private static String unread(Settings settings) {
        Set<String> unused = settings.unusedKeys();
        return unused.isEmpty() ? "" : " (The plugin also did not read " + unused + "; check their spelling.)";
    }
}
