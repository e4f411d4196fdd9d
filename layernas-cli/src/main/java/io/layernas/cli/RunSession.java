package io.layernas.cli;

import com.google.inject.Injector;
import io.layernas.api.Budget;
import io.layernas.api.CostModel;
import io.layernas.api.Evaluator;
import io.layernas.api.SearchResult;
import io.layernas.api.SearchSpace;
import io.layernas.api.StopReason;
import io.layernas.api.TargetRange;
import io.layernas.api.TrialStore;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.config.Numbers;
import io.layernas.cli.progress.ProgressBar;
import io.layernas.cli.results.LiveResults;
import io.layernas.cli.results.OutputFiles;
import io.layernas.cli.results.ResultWriter;
import io.layernas.cli.results.RunReport;
import io.layernas.cli.wiring.Provenance;
import io.layernas.cli.wiring.RunDirectory;
import io.layernas.cli.wiring.Wiring;
import io.layernas.core.SearchRun;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * One run of the command line: wire and check everything, store the resolved config, search with
 * a progress bar, write the results and print a summary.
 */
final class RunSession {
    /** Exit code after too many trials failed in a row. */
    static final int TOO_MANY_FAILURES = 3;
    /** Exit code of a run stopped without a signal (the JVM shutting down for another reason). */
    static final int INTERRUPTED = 130;

    private final CliContext context;
    private final ExperimentConfig config;
    private final Path directory;
    private final boolean resuming;
    private final boolean quiet;

    RunSession(CliContext context, ExperimentConfig config, Path directory, boolean resuming, boolean quiet) {
        this.context = context;
        this.config = config;
        this.directory = directory;
        this.resuming = resuming;
        this.quiet = quiet;
    }

    /** Runs the search; returns the exit code (0, 3 after too many failures, 130/143 when a signal stopped it). */
    int run() {
        Injector injector = Wiring.injector(config, context.registry().get(), new RunDirectory(directory));
        SearchSpace space = Wiring.get(injector, SearchSpace.class);
        CostModel costModel = Wiring.get(injector, CostModel.class);
        TargetRange target = Wiring.get(injector, TargetRange.class);
        Provenance provenance = Wiring.get(injector, Provenance.class);
        writeConfig(provenance);
        TrialStore store = Wiring.get(injector, TrialStore.class);
        printHeader(space, costModel, target, store);
        long start = System.nanoTime();
        String name = resuming ? String.valueOf(directory.toAbsolutePath().getFileName()) : config.name();
        Function<SearchResult, RunReport> report = result -> new RunReport(name, space, costModel.unit(), target,
                result, provenance, (System.nanoTime() - start) / 1e9);
        ProgressBar bar = new ProgressBar(context.err(), config.budget().budget(), costModel.unit(),
                ProgressBar.modeFor(quiet), System::nanoTime).ticking();
        SearchRun search = Wiring.get(injector, SearchRun.Builder.class).store(store).listener(bar)
                .listener(new LiveResults(directory, target, report, System::nanoTime)).build();
        SearchResult result;
        try (SignalStop signals = SignalStop.install(search, config.run().abandonOnInterrupt(), context.err())) {
            result = search(search, store, injector, bar, signals);
            ResultWriter.write(report.apply(result), directory);
            printSummary(report.apply(result));
            return exitCode(result, signals);
        }
    }

    /** Runs the search and closes the store and the evaluator (its native memory) before returning. */
    private static SearchResult search(SearchRun search, TrialStore store, Injector injector, ProgressBar bar,
                                       SignalStop signals) {
        try (store; Evaluator evaluator = Wiring.get(injector, Evaluator.class); bar) {
            return search.run();
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
        } finally {
            signals.finished();
        }
    }

    private int exitCode(SearchResult result, SignalStop signals) {
        if (result.stopReason() == StopReason.INTERRUPTED) {
            PrintStream hint = quiet ? context.err() : context.out();
            context.err().flush();
            hint.println("resume with: ./layernas run --resume " + Shell.quote(directory.toString()));
            return signals.signalled() ? signals.exitCode() : INTERRUPTED;
        }
        return result.stopReason() == StopReason.TOO_MANY_FAILURES ? TOO_MANY_FAILURES : 0;
    }

    private void writeConfig(Provenance provenance) {
        Path file = directory.resolve(OutputFiles.CONFIG_YAML);
        try {
            Files.createDirectories(directory);
            if (resuming && Files.exists(file)) {
                return;
            }
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            String yaml = "# The resolved configuration of this run (overrides applied, data files by absolute path).\n"
                    + "# Resume: layernas run --resume " + directory + "\n# Repeat: layernas run " + file + "\n"
                    + new Yaml(options).dump(provenance.config());
            ResultWriter.text(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output directory " + directory, e);
        }
    }

    private void printHeader(SearchSpace space, CostModel costModel, TargetRange target, TrialStore store) {
        if (quiet) {
            return;
        }
        PrintStream out = context.out();
        out.printf("%s on %s (%s architectures, %d layers)%n", config.strategy().name(), space.name(),
                Numbers.count(space.architectureCount()), space.layerCount());
        out.printf("  cost %s, target [%s, %s] %s; evaluator %s; seed %d%n", config.cost().name(),
                Numbers.format(target.low()), Numbers.format(target.high()), costModel.unit(),
                config.evaluator().name(), config.run().seed());
        out.printf("  budget %s; output %s%n", describe(config.budget().budget()), directory);
        String evaluatorText = context.registry().get().evaluator(config.evaluator().name(), "evaluator.name")
                .description();
        if (evaluatorText.contains("stand-in")) {
            out.printf("  note: evaluator '%s' is a %s%n", config.evaluator().name(), evaluatorText
                    .substring(evaluatorText.indexOf("stand-in")));
        }
        if (resuming) {
            out.printf("  resuming: %d stored trials are replayed, not evaluated again%n", store.load().size());
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
