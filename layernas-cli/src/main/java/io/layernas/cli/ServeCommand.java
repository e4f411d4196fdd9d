package io.layernas.cli;

import io.layernas.api.ConfigurationException;
import io.layernas.cli.config.Defaults;
import io.layernas.cli.wiring.Plugins;
import io.layernas.dashboard.Dashboard;
import io.layernas.dashboard.Hosts;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code layernas serve [DIR...]}: the live dashboard over run directories (docs/dashboard.md). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves a live dashboard of the runs and comparisons under DIR (default runs/): progress, "
                + "best so far, cost against objective, trials, LayerNAS buckets, provenance. Read-only: it never "
                + "writes to a run.", "Stop it with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {
    private final CliContext context;
    private final Provider<Plugins> plugins;

    @Parameters(arity = "0..*", paramLabel = "DIR",
            description = "Directories holding run directories (default: runs/).")
    private List<Path> directories;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}, this machine only).")
    private String host;

    @Option(names = "--port", defaultValue = "7070", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Inject
    ServeCommand(CliContext context, Provider<Plugins> plugins) {
        this.context = context;
        this.plugins = plugins;
    }

    @Override
    public Integer call() {
        if (!Hosts.isLoopback(host)) {
            context.err().println("warning: --host " + host + " serves beyond this machine: anyone who can reach it"
                    + " can read these runs (configurations, architectures, failure messages), without a password."
                    + " Use --host 127.0.0.1 (the default) to keep it local.");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigurationException("--port (" + port + ") must be between 0 and 65535, e.g. 7070.");
        }
        List<Path> roots = roots(context);
        CountDownLatch stopped = new CountDownLatch(1);
        boolean interrupted = false;
        try (Dashboard dashboard = Dashboard.start(roots, host, port, new ServeDescribers(plugins))) {
            Thread hook = new Thread(stopped::countDown, "layernas-serve-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            context.out().println("dashboard at " + dashboard.url() + " serving " + roots + " (Ctrl-C stops it)");
            try {
                stopped.await();
            } catch (InterruptedException e) {
                interrupted = true;
            } finally {
                removeHook(hook);
            }
        }
        if (interrupted) {
            // Set again only now: the server stops more cleanly without it.
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private List<Path> roots(CliContext context) {
        if (directories == null || directories.isEmpty()) {
            Path runs = Path.of(Defaults.OUTPUT_PARENT);
            if (!Files.isDirectory(runs)) {
                context.err().println("note: " + runs.toAbsolutePath() + " does not exist yet; runs will show up there"
                        + " once './layernas run CONFIG' writes one.");
            }
            return List.of(runs);
        }
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                throw new ConfigurationException("serve: " + directory + " is not a directory. Give directories that"
                        + " hold run directories, e.g. 'layernas serve runs/'.");
            }
        }
        return List.copyOf(directories);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is stopping; the hook ran or runs now.
        }
    }
}
