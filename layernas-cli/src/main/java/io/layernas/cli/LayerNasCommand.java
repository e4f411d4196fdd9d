package io.layernas.cli;

import io.layernas.cli.results.Provenance;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command; it only holds the subcommands. */
@Command(name = "layernas", mixinStandardHelpOptions = true, versionProvider = LayerNasCommand.Version.class,
        description = "Hardware-aware neural architecture search with LayerNAS.",
        subcommands = {RunCommand.class, CompareCommand.class, PluginsCommand.class, DescribeCommand.class,
                EvaluateCommand.class, ServeCommand.class, WorkerCommand.class, StoreCommand.class,
                picocli.CommandLine.HelpCommand.class},
        footer = {"", "Configuration: docs/configuration.md. Results: docs/results.md. Commands: docs/cli.md."})
public final class LayerNasCommand implements Runnable {
    private final CliContext context;

    @Spec
    private CommandSpec spec;

    @Inject
    LayerNasCommand(CliContext context) {
        this.context = context;
    }

    /** What the subcommands that are not built by the injector ({@code serve}) work with. */
    CliContext context() {
        return context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }

    /** The version of the CLI jar. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"layernas " + Provenance.layernasVersion(),
                "Java " + System.getProperty("java.version")};
        }
    }
}
