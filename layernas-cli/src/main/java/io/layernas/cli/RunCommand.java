package io.layernas.cli;

import io.layernas.api.SearchResult;
import io.layernas.api.StopReason;
import io.layernas.api.Trial;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.results.OutputFiles;
import io.layernas.cli.wiring.RunDirectory;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code layernas run CONFIG}: one search, with its results written to an output directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs one search from an experiment file and writes its results (trials, result.json, "
                + "CSV, plots, index.html) to an output directory.",
                "Exit code 0 when done, 2 on a configuration error, 3 when too many trials failed in a row or every "
                        + "trial failed, 130 or 143 when Ctrl-C or SIGTERM stopped it (it can be resumed; the last "
                        + "line says how)."})
final class RunCommand implements Callable<Integer> {
    /** Exit code of a run that stopped for failures or in which every trial failed. */
    static final int FAILED = 3;

    private final CliContext context;
    private final Sessions sessions;

    @Mixin
    private ExperimentOptions options;

    @Inject
    RunCommand(CliContext context, Sessions sessions) {
        this.context = context;
        this.sessions = sessions;
    }

    @Override
    public Integer call() {
        ExperimentConfig experiment = options.experiment(context, "run", "layernas run examples/quickstart.yaml");
        RunDirectory run = options.directory(experiment, experiment.name());
        Path directory = run.path();
        RunSession session = sessions.run(experiment, run, options.quiet());
        SearchResult result = session.run();
        if (result.stopReason() == StopReason.INTERRUPTED) {
            return session.interruptExitCode();
        }
        if (result.stopReason() == StopReason.TOO_MANY_FAILURES) {
            return FAILED;
        }
        if (!result.trials().isEmpty() && result.trials().stream().noneMatch(Trial::succeeded)) {
            context.err().println("error: every trial failed (" + result.trials().size() + "), so there is no result. "
                    + "The failures are in " + directory.resolve(OutputFiles.TRIALS_CSV) + " (column failure); fix "
                    + "their cause (a run.timeoutSeconds too short, say) and --resume " + directory + ".");
            return FAILED;
        }
        return 0;
    }
}
