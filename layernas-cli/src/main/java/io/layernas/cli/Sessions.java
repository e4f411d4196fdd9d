package io.layernas.cli;

import com.google.inject.Module;
import com.google.inject.name.Names;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.plugins.PluginRegistry;
import io.layernas.cli.wiring.ExperimentModule;
import io.layernas.cli.wiring.RunDirectory;
import io.layernas.cli.wiring.Wiring;
import jakarta.inject.Inject;
import jakarta.inject.Provider;

/**
 * Builds the session of a command that works on one experiment ({@link RunSession}, {@link CompareSession}):
 * an injector of the experiment's modules creates and checks every plugin and hands the session its
 * collaborators through its constructor, together with the {@link CliContext}, the output directory and
 * {@code -q}.
 */
final class Sessions {
    private final CliContext context;
    private final Provider<PluginRegistry> registry;

    @Inject
    Sessions(CliContext context, Provider<PluginRegistry> registry) {
        this.context = context;
        this.registry = registry;
    }

    /** The session of a run of {@code config} in {@code directory}: plugins, trial store and executor. */
    RunSession run(ExperimentConfig config, RunDirectory directory, boolean quiet) {
        return Wiring.build(RunSession.class, Wiring.run(config, registry.get(), directory), command(quiet));
    }

    /** The session of a comparison of {@code config} in {@code directory}. */
    CompareSession compare(ExperimentConfig config, RunDirectory directory, boolean quiet) {
        return Wiring.build(CompareSession.class, new ExperimentModule(config, registry.get()), command(quiet),
                binder -> binder.bind(RunDirectory.class).toInstance(directory));
    }

    private Module command(boolean quiet) {
        return binder -> {
            binder.bind(CliContext.class).toInstance(context);
            binder.bindConstant().annotatedWith(Names.named(RunSession.QUIET)).to(quiet);
        };
    }
}
