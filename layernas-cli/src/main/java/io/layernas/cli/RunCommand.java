package io.layernas.cli;

import io.layernas.api.ConfigurationException;
import io.layernas.cli.config.ExperimentConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code layernas run CONFIG}: one search, with its results written to an output directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs one search from an experiment file and writes its results (trials, result.json, "
                + "CSV, plots, index.html) to an output directory.",
                "Exit code 0 when done, 2 on a configuration error, 3 when too many trials failed in a row, 130 or 143 "
                        + "when Ctrl-C or SIGTERM stopped it (it can be resumed; the last line says how)."})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    private LayerNasCommand parent;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "The experiment file (YAML).")
    private Path config;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the run in DIR: its stored trials are replayed, not evaluated again. "
                    + "Without CONFIG, DIR/config.yaml is used.")
    private Path resume;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Output directory (default: run.output, else runs/<config name>).")
    private Path output;

    @Option(names = "-D", paramLabel = "KEY=VALUE",
            description = "Override a setting, e.g. -D search.bucketCount=50 (repeatable).")
    private Map<String, String> overrides;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary; only errors.")
    private boolean quiet;

    @Override
    public Integer call() {
        if (config == null && resume == null) {
            throw new ConfigurationException("run needs an experiment file (layernas run examples/quickstart.yaml) "
                    + "or a run to resume (layernas run --resume runs/quickstart).");
        }
        if (resume != null && output != null && !resume.equals(output)) {
            throw new ConfigurationException("--output (" + output + ") and --resume (" + resume + ") differ; a "
                    + "resumed run writes to the directory it resumes. Drop --output.");
        }
        CliContext context = parent.context();
        Path file = config != null ? config : OutputDirectories.configOf(resume);
        ExperimentConfig experiment = ExperimentConfig.load(file, context.overrides(overrides));
        Path directory = resume != null ? resume : OutputDirectories.forNewRun(experiment, output, experiment.name());
        RunSession session = new RunSession(context, experiment, directory, resume != null, quiet);
        return session.run();
    }
}
