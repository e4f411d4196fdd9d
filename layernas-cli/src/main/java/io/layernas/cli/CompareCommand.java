package io.layernas.cli;

import io.layernas.api.ConfigurationException;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.wiring.RunDirectory;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code layernas compare CONFIG}: the strategies of {@code compare} x seeds, aggregated into curves and a table. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Runs every strategy of the experiment's 'compare' section from 'compare.seeds' seeds (run.seed, "
                + "run.seed + 1, ...) under the same space, cost model, target, evaluator and budget; writes the "
                + "summary table, the best-so-far curves (mean and 25-75%% band) as CSV, PNG, SVG and index.html.")
final class CompareCommand implements Callable<Integer> {
    private final CliContext context;
    private final Sessions sessions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG",
            description = "The experiment file (YAML) with a compare section.")
    private Path config;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue the comparison in DIR: its finished runs are kept, not run again. Without CONFIG,"
                    + " DIR/config.yaml is used.")
    private Path resume;

    @Option(names = "--accept-changed-data",
            description = "With --resume: keep the finished runs although a data file changed since they ran.")
    private boolean acceptChangedData;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Output directory (default runs/<config name>, with -compare unless the name has it).")
    private Path output;

    @Option(names = "-D", paramLabel = "KEY=VALUE", description = "Override a setting, e.g. -D compare.seeds=20.")
    private Map<String, String> overrides;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary; only errors.")
    private boolean quiet;

    @Inject
    CompareCommand(CliContext context, Sessions sessions) {
        this.context = context;
        this.sessions = sessions;
    }

    @Override
    public Integer call() {
        Path file = OutputDirectories.experimentFile(config, resume, output, "comparison",
                "layernas compare examples/compare-strategies.yaml");
        ExperimentConfig experiment = ExperimentConfig.load(file, context.overrides(overrides));
        if (experiment.compare() == null) {
            throw new ConfigurationException(file + " has no compare section. Add one, e.g. compare: {strategies: "
                    + "[{strategy: layernas}, {strategy: random}], seeds: 10}, or use 'layernas run'.");
        }
        Path directory = resume != null ? resume : OutputDirectories.forNewRun(experiment, output,
                experiment.name().contains("compare") ? experiment.name() : experiment.name() + "-compare");
        sessions.compare(experiment, new RunDirectory(directory, acceptChangedData, resume != null), quiet).run();
        return 0;
    }
}
