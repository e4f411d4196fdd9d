package io.layernas.cli;

import com.google.inject.Injector;
import io.layernas.api.ConfigurationException;
import io.layernas.api.Evaluator;
import io.layernas.api.SearchStrategy;
import io.layernas.api.Trial;
import io.layernas.api.TrialStore;
import io.layernas.cli.config.CompareConfig;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.config.Numbers;
import io.layernas.cli.progress.ProgressBar;
import io.layernas.cli.progress.RunsProgress;
import io.layernas.cli.results.CompareReport;
import io.layernas.cli.results.OutputFiles;
import io.layernas.cli.results.ResultWriter;
import io.layernas.cli.wiring.ExperimentModule;
import io.layernas.cli.wiring.Plugins;
import io.layernas.cli.wiring.Provenance;
import io.layernas.cli.wiring.TrialStoreModule;
import io.layernas.cli.wiring.Wiring;
import io.layernas.core.InMemoryTrialStore;
import io.layernas.core.Problem;
import io.layernas.core.SearchRun;
import io.layernas.core.compare.Axis;
import io.layernas.core.compare.Comparison;
import io.layernas.core.compare.ComparisonResult;
import io.layernas.core.compare.FinishedRuns;
import io.layernas.store.RunDirectoryLock;
import io.layernas.store.SqliteComparisonStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code layernas compare CONFIG}: the strategies of {@code compare} x seeds, aggregated into curves and a table. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Runs every strategy of the experiment's 'compare' section from 'compare.seeds' seeds (run.seed, "
                + "run.seed + 1, ...) under the same space, cost model, target, evaluator and budget; writes the "
                + "summary table, the best-so-far curves (mean and 25-75%% band) as CSV, PNG, SVG and index.html.")
final class CompareCommand implements Callable<Integer> {
    @ParentCommand
    private LayerNasCommand parent;

    /** Keys a resumed comparison may change: they do not change what a finished run found. */
    static final List<String> NOT_IN_FINGERPRINT = List.of("run.output", "run.workers", "compare.seeds",
            "compare.gridPoints", "compare.axis");

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

    @Override
    public Integer call() {
        CliContext context = parent.context();
        Path file = OutputDirectories.experimentFile(config, resume, output, "comparison",
                "layernas compare examples/compare-strategies.yaml");
        ExperimentConfig experiment = ExperimentConfig.load(file, context.overrides(overrides));
        CompareConfig compare = experiment.compare();
        if (compare == null) {
            throw new ConfigurationException(file + " has no compare section. Add one, e.g. compare: {strategies: "
                    + "[{strategy: layernas}, {strategy: random}], seeds: 10}, or use 'layernas run'.");
        }
        Injector injector = Wiring.create(new ExperimentModule(experiment, context.registry().get()),
                binder -> binder.bind(TrialStore.class).toInstance(new InMemoryTrialStore()));
        Plugins plugins = Wiring.get(injector, Plugins.class);
        Comparison.Builder builder = Comparison.builder()
                .run(SearchRun.builder().problem(Wiring.get(injector, Problem.class))).seeds(compare.seeds()).firstSeed(experiment.run().seed())
                .workers(experiment.run().workers()).gridPoints(compare.gridPoints()).axis(axis(experiment))
                .progress(new RunsProgress(context.err(), ProgressBar.modeFor(quiet), System::nanoTime));
        for (int i = 0; i < compare.strategies().size(); i++) {
            SearchStrategy strategy = plugins.strategy(compare.strategies().get(i));
            builder.strategy(compare.labels().get(i), strategy);
        }
        Provenance provenance = Wiring.get(injector, Provenance.class);
        Path directory = resume != null ? resume : OutputDirectories.forNewRun(experiment, output,
                experiment.name().contains("compare") ? experiment.name() : experiment.name() + "-compare");
        ComparisonResult result;
        OutputDirectories.create(directory, resume != null ? "--resume" : "the output directory");
        try (RunDirectoryLock lock = RunDirectoryLock.acquire(directory, "layernas compare");
             SqliteComparisonStore store = SqliteComparisonStore.open(directory.resolve(OutputFiles.COMPARE_DB),
                     TrialStoreModule.identity(provenance, NOT_IN_FINGERPRINT, acceptChangedData));
             Evaluator evaluator = Wiring.get(injector, Evaluator.class)) {
            store.warnings().forEach(warning -> context.err().println("warning: " + warning));
            if (resume != null && !quiet) {
                context.out().println("resuming: " + store.finishedRuns() + " finished runs are kept, not run again");
            }
            writeConfig(provenance, directory);
            result = builder.evaluator(evaluator).finishedRuns(finishedRuns(store)).build().run();
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
        }
        CompareReport.write(result, experiment.name(), facts(experiment, compare), provenance.facts(), directory);
        if (!quiet) {
            context.out().print(result.summaryTable());
            context.out().println("results in " + directory + " (open "
                    + directory.resolve(OutputFiles.INDEX_HTML) + ")");
        }
        return 0;
    }

    private static FinishedRuns finishedRuns(SqliteComparisonStore store) {
        return new FinishedRuns() {
            @Override
            public Optional<List<Trial>> load(String strategy, long seed) {
                return store.load(strategy, seed);
            }

            @Override
            public void save(String strategy, long seed, List<Trial> trials) {
                store.save(strategy, seed, trials);
            }
        };
    }

    private static Axis axis(ExperimentConfig experiment) {
        String axis = experiment.compare().axis();
        if (axis == null) {
            return Double.isFinite(experiment.budget().budget().maxTrainingSeconds()) ? Axis.TRAINING_SECONDS
                    : Axis.EVALUATIONS;
        }
        return axis.equals("evaluations") ? Axis.EVALUATIONS : Axis.TRAINING_SECONDS;
    }

    private static Map<String, String> facts(ExperimentConfig experiment, CompareConfig compare) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("space", experiment.space().name());
        facts.put("cost model", experiment.cost().name());
        facts.put("evaluator", experiment.evaluator().name());
        facts.put("strategies", String.join(", ", compare.labels()));
        facts.put("seeds", compare.seeds() + " from " + experiment.run().seed());
        long evaluations = experiment.budget().budget().maxEvaluations();
        facts.put("budget per run", (evaluations == Long.MAX_VALUE ? "unlimited" : evaluations) + " trials, "
                + Numbers.format(experiment.budget().budget().maxTrainingSeconds()) + " training seconds");
        return facts;
    }

    private static void writeConfig(Provenance provenance, Path directory) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Path file = directory.resolve(OutputFiles.CONFIG_YAML);
        ResultWriter.text(file, "# The resolved configuration of this comparison.\n# Resume: layernas compare --resume "
                + directory + "\n# Repeat: layernas compare " + file + "\n" + new Yaml(options).dump(provenance.config()));
    }
}
