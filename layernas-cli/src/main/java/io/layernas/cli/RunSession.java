package io.layernas.cli;

import com.google.inject.name.Named;
import io.layernas.api.Budget;
import io.layernas.api.CandidateExecutor;
import io.layernas.api.ConfigurationException;
import io.layernas.api.CostModel;
import io.layernas.api.Evaluator;
import io.layernas.api.SearchResult;
import io.layernas.api.SearchSpace;
import io.layernas.api.StopReason;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.api.TrialStore;
import io.layernas.cli.config.Defaults;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.format.Numbers;
import io.layernas.cli.progress.ProgressBar;
import io.layernas.cli.results.BudgetHistoryFile;
import io.layernas.cli.results.LiveResults;
import io.layernas.cli.results.OutputFiles;
import io.layernas.cli.results.Provenance;
import io.layernas.cli.results.ResultWriter;
import io.layernas.cli.results.RunReport;
import io.layernas.cli.wiring.RunDirectory;
import io.layernas.cli.wiring.TrialStores;
import io.layernas.cli.wiring.Wiring;
import io.layernas.core.BudgetHistory;
import io.layernas.core.Problem;
import io.layernas.core.Resume;
import io.layernas.core.SearchRun;
import io.layernas.store.RunDirectoryLock;
import io.layernas.store.RunStatus;
import io.layernas.store.SqliteTrialStore;
import io.layernas.store.postgres.WorkerPoolError;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One run of the command line: wire and check everything, lock the run directory, open the store,
 * store the resolved config (on resume too: it follows the run), search with a progress bar, write
 * the results and print a summary.
 */
final class RunSession {
    /** Exit code of a run stopped without a signal (the JVM shutting down for another reason). */
    static final int INTERRUPTED = 130;
    /** The name of the binding that says whether a session prints progress and a summary ({@code -q}). */
    static final String QUIET = "quiet";

    private final CliContext context;
    private final ExperimentConfig config;
    private final Path directory;
    private final boolean resuming;
    private final boolean quiet;
    private final Problem problem;
    private final Provenance provenance;
    private final TrialStores stores;
    private final SearchRun.Builder search;
    private final Evaluator evaluator;
    private final CandidateExecutor executor;
    private int interruptExitCode = INTERRUPTED;

    /**
     * A session of the run in {@code directory}: the injector of the run ({@link Wiring#run}) builds it
     * with every plugin created and checked, the executor included, before anything is written.
     */
    @Inject
    RunSession(CliContext context, @Named(QUIET) boolean quiet, ExperimentConfig config, RunDirectory directory,
               Problem problem, Provenance provenance, TrialStores stores, SearchRun.Builder search,
               Evaluator evaluator, CandidateExecutor executor) {
        this.context = context;
        this.quiet = quiet;
        this.config = config;
        this.directory = directory.path();
        this.resuming = directory.resuming();
        this.problem = problem;
        this.provenance = provenance;
        this.stores = stores;
        this.search = search;
        this.evaluator = evaluator;
        this.executor = executor;
    }

    SearchResult run() {
        OutputDirectories.create(directory, resuming ? "--resume" : "the output directory");
        try (RunDirectoryLock lock = RunDirectoryLock.acquire(directory, "layernas run");
             SignalStop signals = SignalStop.install(config.run().abandonOnInterrupt(), context.err())) {
            return runLocked(signals);
        }
    }

    private SearchResult runLocked(SignalStop signals) {
        SearchSpace space = problem.space();
        CostModel costModel = problem.costModel();
        TargetRange target = problem.target();
        long start = System.nanoTime();
        String name = resuming ? String.valueOf(directory.toAbsolutePath().getFileName()) : config.name();
        Function<SearchResult, RunReport> report = result -> new RunReport(name, space, result, provenance,
                (System.nanoTime() - start) / 1e9);
        RunStatus status = null;
        SearchResult result;
        try (TrialStore store = stores.open()) {
            prepare(store, provenance, space, costModel, target);
            status = startStatus(space, costModel, target);
            ProgressBar bar = new ProgressBar(context.err(), problem.budget(), costModel.unit(),
                    ProgressBar.modeFor(quiet), System::nanoTime).ticking();
            search.store(store).listener(bar)
                    .listener(new LiveResults(directory, target, costModel.unit(), report, System::nanoTime));
            result = search(bar, signals);
        } catch (WorkerPoolError e) {
            // Not a configuration error, whatever the database said: the run stopped and can be resumed.
            IllegalStateException stopped = new IllegalStateException(e.getMessage());
            stopped.addSuppressed(e);
            throw stopped;
        } catch (Exception e) {
            if (status != null) {
                status.ended(RunStatus.State.FAILED, Map.of("message", String.valueOf(e.getMessage()))).write(directory);
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
        }
        RunStatus.State state = switch (result.stopReason()) {
            case TOO_MANY_FAILURES -> RunStatus.State.FAILED;
            case INTERRUPTED -> RunStatus.State.STOPPED;
            default -> RunStatus.State.FINISHED;
        };
        status.ended(state, Map.of("stopReason", result.stopReason().name())).write(directory);
        ResultWriter.write(report.apply(result), directory);
        printSummary(report.apply(result));
        if (result.stopReason() == StopReason.INTERRUPTED) {
            PrintStream hint = quiet ? context.err() : context.out();
            context.err().flush();
            hint.println("resume with: ./layernas run --resume " + Shell.quote(directory.toString()));
        }
        return result;
    }

    /**
     * Runs the search with Ctrl-C and SIGTERM turned into an orderly stop ({@code signals}, installed
     * before the evaluator loads its engine and data), and closes the executor (which waits for running
     * evaluations) and the evaluator (its native memory) before it returns. A signal that came before
     * the search began stops it at once.
     */
    private SearchResult search(ProgressBar bar, SignalStop signals) throws Exception {
        try (bar) {
            SearchResult result;
            try (Evaluator evaluator = this.evaluator; CandidateExecutor executor = this.executor) {
                SearchRun run = search.executor(executor).build();
                signals.watch(run);
                result = run.run();
            }
            signals.finished();
            if (signals.signalled()) {
                interruptExitCode = signals.exitCode();
            }
            return result;
        }
    }

    /** The exit code of an interrupted run: 130 after SIGINT, 143 after SIGTERM. */
    int interruptExitCode() {
        return interruptExitCode;
    }

    /** Tells readers (the dashboard) that the run goes on, and what they cannot work out without plugins. */
    private RunStatus startStatus(SearchSpace space, CostModel costModel, TargetRange target) {
        RunStatus status = RunStatus.startingNow(Map.of("target.low", Double.toString(target.low()),
                "target.high", Double.toString(target.high()), "costUnit", costModel.unit(),
                "baseline", space.defaultArchitecture().toString(),
                "baseline.text", space.format(space.defaultArchitecture())));
        status.write(directory);
        return status;
    }

    /** Says what the store found, checks a resumed run keeps its trials, stores the config, prints the header. */
    private void prepare(TrialStore store, Provenance provenance, SearchSpace space, CostModel costModel,
                         TargetRange target) {
        if (store instanceof SqliteTrialStore sqlite) {
            sqlite.warnings().forEach(warning -> context.err().println("warning: " + warning));
        }
        List<Trial> stored = resuming ? store.load() : List.of();
        checkBudgetKeeps(stored);
        BudgetHistory budgets = (resuming ? BudgetHistoryFile.read(directory, problem.budget()) : BudgetHistory.of(
                problem.budget())).resumedWith(problem.budget(), Resume.replayed(stored));
        BudgetHistoryFile.write(directory, budgets);
        search.budgetHistory(budgets);
        writeConfig(provenance);
        printHeader(space, costModel, target, stored);
    }

    /** A resumed run's budget must cover its stored trials: a smaller one would cut its results. */
    private void checkBudgetKeeps(List<Trial> stored) {
        Budget budget = config.budget().budget();
        if (stored.size() > budget.maxEvaluations()) {
            throw new ConfigurationException(directory + " holds " + stored.size() + " trials, more than "
                    + "budget.evaluations (" + budget.maxEvaluations() + ") allows: resuming would cut the run's results"
                    + " to " + budget.maxEvaluations() + ". Resume with -D budget.evaluations=" + stored.size()
                    + " or more, or without it to keep the budget in " + directory.resolve(OutputFiles.CONFIG_YAML) + ".");
        }
        double beforeLast = stored.stream().mapToDouble(Trial::trainingSeconds).sum()
                - (stored.isEmpty() ? 0 : stored.get(stored.size() - 1).trainingSeconds());
        if (beforeLast >= budget.maxTrainingSeconds()) {
            throw new ConfigurationException(directory + " holds trials of " + Numbers.format(beforeLast)
                    + " training seconds before its last one, more than budget.trainingSeconds ("
                    + Numbers.format(budget.maxTrainingSeconds()) + ") allows: resuming would cut the run's results."
                    + " Resume with a larger budget.trainingSeconds, or without it to keep the budget in "
                    + directory.resolve(OutputFiles.CONFIG_YAML) + ".");
        }
    }

    private void writeConfig(Provenance provenance) {
        ResultWriter.config(directory, "run", "run (overrides applied, data files by absolute path)",
                provenance.config());
    }

    private void printHeader(SearchSpace space, CostModel costModel, TargetRange target, List<Trial> stored) {
        if (quiet) {
            return;
        }
        PrintStream out = context.out();
        out.printf("%s on %s (%s architectures, %d layers)%n", config.strategy().name(), space.name(),
                Numbers.count(space.architectureCount()), space.layerCount());
        out.printf("  cost %s, target [%s, %s] %s; evaluator %s; seed %d%n", config.cost().name(),
                Numbers.format(target.low()), Numbers.format(target.high()), costModel.unit(),
                config.evaluator().name(), config.run().seed());
        if (!config.executor().name().equals(Defaults.EXECUTOR)) {
            out.printf("  executor %s%n", config.executor().name());
        }
        out.printf("  budget %s; output %s%n", describe(config.budget().budget()), directory);
        String evaluatorText = context.registry().get().evaluator(config.evaluator().name(), "evaluator.name")
                .description();
        if (evaluatorText.contains("stand-in")) {
            out.printf("  note: evaluator '%s' is a %s%n", config.evaluator().name(), evaluatorText
                    .substring(evaluatorText.indexOf("stand-in")));
        }
        if (resuming) {
            int replayed = Resume.replayed(stored);
            out.printf("  resuming: %d stored trials are replayed, not evaluated again%s%n", replayed,
                    replayed == stored.size() ? "" : "; the " + (stored.size() - replayed)
                            + " failed trials at the end are evaluated again");
        }
    }

    private static String describe(Budget budget) {
        String trials = budget.maxEvaluations() == Long.MAX_VALUE ? "unlimited trials"
                : budget.maxEvaluations() + " trials";
        return Double.isInfinite(budget.maxTrainingSeconds()) ? trials
                : trials + ", " + Numbers.format(budget.maxTrainingSeconds()) + " training seconds";
    }

    private void printSummary(RunReport report) {
        if (quiet) {
            return;
        }
        Map<String, String> summary = ResultWriter.summary(report);
        summary.forEach((key, value) -> context.out().printf("  %-15s %s%n", key, value));
        context.out().println("results in " + directory + " (open " + directory.resolve(OutputFiles.INDEX_HTML) + ")");
    }
}
