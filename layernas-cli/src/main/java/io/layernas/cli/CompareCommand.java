package io.layernas.cli;

import io.layernas.api.ConfigurationException;
import io.layernas.cli.config.ExperimentConfig;
import jakarta.inject.Inject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code layernas compare CONFIG}: the strategies of {@code compare} x seeds, aggregated into curves and a table. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Runs every strategy of the experiment's 'compare' section from 'compare.seeds' seeds (run.seed, "
                + "run.seed + 1, ...) under the same space, cost model, target, evaluator and budget; writes the "
                + "summary table, the best-so-far curves (mean and 25-75%% band) as CSV, PNG, SVG and index.html.")
final class CompareCommand implements Callable<Integer> {
    private final CliContext context;
    private final Sessions sessions;

    @Mixin
    private ExperimentOptions options;

    @Inject
    CompareCommand(CliContext context, Sessions sessions) {
        this.context = context;
        this.sessions = sessions;
    }

    @Override
    public Integer call() {
        ExperimentConfig experiment = options.experiment(context, "comparison",
                "layernas compare examples/compare-strategies.yaml");
        if (experiment.compare() == null) {
            throw new ConfigurationException(experiment.file() + " has no compare section. Add one, e.g. compare: "
                    + "{strategies: [{strategy: layernas}, {strategy: random}], seeds: 10}, or use 'layernas run'.");
        }
        String name = experiment.name().contains("compare") ? experiment.name() : experiment.name() + "-compare";
        sessions.compare(experiment, options.directory(experiment, name), options.quiet()).run();
        return 0;
    }
}
