package io.layernas.cli;

import io.layernas.api.Plugin;
import io.layernas.cli.plugins.PluginKind;
import io.layernas.cli.plugins.PluginRegistry;
import io.layernas.cli.plugins.PluginVersions;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code layernas plugins}: the spaces, cost models, evaluators and strategies installed. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists the installed plugins by kind: the names to use in an experiment file, their versions "
                + "and what they are.")
final class PluginsCommand implements Callable<Integer> {
    private final CliContext context;
    private final Provider<PluginRegistry> registry;

    @Option(names = {"-v", "--verbose"}, description = "Also show the jar each plugin comes from.")
    private boolean verbose;

    @Inject
    PluginsCommand(CliContext context, Provider<PluginRegistry> registry) {
        this.context = context;
        this.registry = registry;
    }

    @Override
    public Integer call() {
        PluginRegistry registry = this.registry.get();
        PrintStream out = context.out();
        for (PluginKind kind : PluginKind.values()) {
            out.println(kind.plural() + " (" + kind.nameKeyPath() + "):");
            if (registry.plugins(kind).isEmpty()) {
                out.println("  none");
            }
            for (Plugin plugin : registry.plugins(kind)) {
                out.printf("  %-22s %-16s %s%n", plugin.name(), PluginVersions.version(plugin), plugin.description());
                if (verbose) {
                    out.printf("  %-22s from %s%n", "", PluginVersions.location(plugin).map(Path::toString)
                            .orElse("unknown"));
                }
            }
            out.println();
        }
        return 0;
    }
}
