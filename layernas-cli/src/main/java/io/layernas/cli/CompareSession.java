package io.layernas.cli;

import com.google.inject.name.Named;
import io.layernas.api.Evaluator;
import io.layernas.api.Trial;
import io.layernas.cli.config.CompareConfig;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.format.Numbers;
import io.layernas.cli.progress.ProgressBar;
import io.layernas.cli.progress.RunsProgress;
import io.layernas.cli.results.CompareReport;
import io.layernas.cli.results.OutputFiles;
import io.layernas.cli.results.Provenance;
import io.layernas.cli.results.ResultWriter;
import io.layernas.cli.wiring.Plugins;
import io.layernas.cli.wiring.RunDirectory;
import io.layernas.cli.wiring.TrialStoreModule;
import io.layernas.core.Problem;
import io.layernas.core.SearchRun;
import io.layernas.core.compare.Axis;
import io.layernas.core.compare.Comparison;
import io.layernas.core.compare.ComparisonResult;
import io.layernas.core.compare.FinishedRuns;
import io.layernas.store.RunDirectoryLock;
import io.layernas.store.SqliteComparisonStore;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One comparison of the command line: every strategy of the {@code compare} section from each seed,
 * run from the experiment's {@link Problem} as a template, with the finished runs kept in the
 * directory's {@code compare.db} so that {@code --resume} skips them; then the report.
 */
final class CompareSession {
    /** Keys a resumed comparison may change: they do not change what a finished run found. */
    static final List<String> NOT_IN_FINGERPRINT = List.of("run.output", "run.workers", "compare.seeds",
            "compare.gridPoints", "compare.axis");

    private final CliContext context;
    private final boolean quiet;
    private final ExperimentConfig experiment;
    private final RunDirectory directory;
    private final Comparison.Builder comparison;
    private final Provenance provenance;
    private final Evaluator evaluator;

    /** A session built by the experiment's injector: every plugin, each compared strategy too, created and checked. */
    @Inject
    CompareSession(CliContext context, @Named(RunSession.QUIET) boolean quiet, ExperimentConfig experiment,
                   RunDirectory directory, Plugins plugins, Problem problem, Provenance provenance,
                   Evaluator evaluator) {
        this.context = context;
        this.quiet = quiet;
        this.experiment = experiment;
        this.directory = directory;
        this.provenance = provenance;
        this.evaluator = evaluator;
        this.comparison = comparison(plugins, problem);
    }

    private Comparison.Builder comparison(Plugins plugins, Problem problem) {
        CompareConfig compare = experiment.compare();
        Comparison.Builder builder = Comparison.builder()
                .run(SearchRun.builder().problem(problem)).seeds(compare.seeds()).firstSeed(experiment.run().seed())
                .workers(experiment.run().workers()).gridPoints(compare.gridPoints()).axis(axis(experiment))
                .progress(new RunsProgress(context.err(), ProgressBar.modeFor(quiet), System::nanoTime));
        for (int i = 0; i < compare.strategies().size(); i++) {
            builder.strategy(compare.labels().get(i), plugins.strategy(compare.strategies().get(i)));
        }
        return builder;
    }

    /** Runs the comparison (its runs not finished yet), writes the report and prints the summary table. */
    void run() {
        Path path = directory.path();
        ComparisonResult result;
        OutputDirectories.create(path, directory.resuming() ? "--resume" : "the output directory");
        try (RunDirectoryLock lock = RunDirectoryLock.acquire(path, "layernas compare");
             SqliteComparisonStore store = SqliteComparisonStore.open(path.resolve(OutputFiles.COMPARE_DB),
                     TrialStoreModule.identity(provenance, NOT_IN_FINGERPRINT, directory.acceptChangedData()));
             Evaluator evaluator = this.evaluator) {
            store.warnings().forEach(warning -> context.err().println("warning: " + warning));
            if (directory.resuming() && !quiet) {
                context.out().println("resuming: " + store.finishedRuns() + " finished runs are kept, not run again");
            }
            ResultWriter.config(path, "compare", "comparison", provenance.config());
            result = comparison.evaluator(evaluator).finishedRuns(finishedRuns(store)).build().run();
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
        }
        CompareReport.write(result, experiment.name(), facts(), provenance.facts(), path);
        if (!quiet) {
            context.out().print(result.summaryTable());
            context.out().println("results in " + path + " (open " + path.resolve(OutputFiles.INDEX_HTML) + ")");
        }
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

    private Map<String, String> facts() {
        CompareConfig compare = experiment.compare();
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
}
