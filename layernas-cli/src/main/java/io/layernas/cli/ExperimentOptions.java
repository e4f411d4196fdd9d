package io.layernas.cli;

import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.wiring.RunDirectory;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options {@code run} and {@code compare} share (a picocli mixin): the experiment file, its
 * overrides, the output directory, and how to resume. Each command reads them once.
 */
final class ExperimentOptions {
    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG", description = "The experiment file (YAML).")
    private Path config;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue what 'layernas ${COMMAND-NAME}' left in DIR: its stored trials (run) or finished "
                    + "runs (compare) are kept, not evaluated again. Without CONFIG, DIR/config.yaml is used.")
    private Path resume;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Output directory (default: run.output, else runs/<config name>; a comparison's name "
                    + "ends with -compare).")
    private Path output;

    @Option(names = "-D", paramLabel = "KEY=VALUE",
            description = "Override a setting, e.g. -D search.bucketCount=50 or -D compare.seeds=20 (repeatable).")
    private Map<String, String> overrides;

    @Option(names = "--accept-changed-data",
            description = "With --resume: keep what DIR stored although a data file (a benchmark table, a latency "
                    + "table) changed since. Without it such a resume is refused.")
    private boolean acceptChangedData;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary; only errors.")
    private boolean quiet;

    /** The experiment: CONFIG, or the resumed directory's config.yaml, with the overrides applied. */
    ExperimentConfig experiment(CliContext context, String what, String example) {
        Path file = OutputDirectories.experimentFile(config, resume, output, what, example);
        return ExperimentConfig.load(file, context.overrides(overrides));
    }

    /** The resumed directory, else a new one for {@code experiment} named after {@code name}. */
    RunDirectory directory(ExperimentConfig experiment, String name) {
        Path path = resume != null ? resume : OutputDirectories.forNewRun(experiment, output, name);
        return new RunDirectory(path, acceptChangedData, resume != null);
    }

    /** {@code -q}. */
    boolean quiet() {
        return quiet;
    }
}
