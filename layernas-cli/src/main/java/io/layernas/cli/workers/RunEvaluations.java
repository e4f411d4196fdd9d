package io.layernas.cli.workers;

import io.layernas.api.EvaluationRequest;
import io.layernas.api.Evaluator;
import io.layernas.api.Metrics;
import io.layernas.api.SearchSpace;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.config.Overrides;
import io.layernas.cli.plugins.PluginRegistry;
import io.layernas.cli.wiring.ExperimentModule;
import io.layernas.cli.wiring.Wiring;
import io.layernas.store.postgres.ClaimedTask;
import io.layernas.store.postgres.PoolWorker;
import io.layernas.store.postgres.TaskResult;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A worker's evaluators, one per run, each built from the run's stored configuration exactly as
 * {@code layernas run} builds it (plugins from this worker's class path, data files at the
 * absolute paths the configuration names, so they must be reachable on this host). A task is one
 * attempt with the seed the run gave it; retries and time limits belong to the run. Used by the
 * worker's one loop thread; {@link #close()} releases every evaluator.
 */
public final class RunEvaluations implements PoolWorker.Evaluations, AutoCloseable {
    private final PluginRegistry registry;
    private final Path scratch;
    private final List<Evaluator> evaluators = new ArrayList<>();

    /** Builds evaluators with the plugins of {@code registry}. */
    public RunEvaluations(PluginRegistry registry) {
        this.registry = registry;
        try {
            this.scratch = Files.createTempDirectory("layernas-worker");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the runs' configurations", e);
        }
    }

    @Override
    public PoolWorker.Evaluation forRun(String runId, String yaml) {
        ExperimentConfig config = ExperimentConfig.load(write(yaml), new Overrides(Map.of(), Map.of(), Map.of()));
        RunEvaluation evaluation = Wiring.build(RunEvaluation.class, new ExperimentModule(config, registry));
        evaluators.add(evaluation.evaluator);
        return evaluation;
    }

    /** The evaluations of one run, with its space and evaluator built as {@code layernas run} builds them. */
    static final class RunEvaluation implements PoolWorker.Evaluation {
        private final SearchSpace space;
        private final Evaluator evaluator;

        @Inject
        RunEvaluation(SearchSpace space, Evaluator evaluator) {
            this.space = space;
            this.evaluator = evaluator;
        }

        @Override
        public TaskResult evaluate(ClaimedTask task) {
            return attempt(evaluator, new EvaluationRequest(space, task.architecture(), task.index(), task.seed(),
                    task.attempt()));
        }
    }

    /** One attempt; every failure (exception, no metrics) becomes the result's reason. */
    static TaskResult attempt(Evaluator evaluator, EvaluationRequest request) {
        long started = System.nanoTime();
        String failure;
        try {
            Metrics metrics = evaluator.evaluate(request);
            if (metrics != null) {
                return new TaskResult(metrics, null, (System.nanoTime() - started) / 1e9);
            }
            failure = "the evaluator returned no metrics";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        } catch (Exception e) {
            String message = e.getMessage();
            String type = e.getClass().getSimpleName();
            failure = message == null || message.isBlank() ? type : type + ": " + message;
        }
        return new TaskResult(null, failure, (System.nanoTime() - started) / 1e9);
    }

    private Path write(String yaml) {
        try {
            Path file = Files.createTempFile(scratch, "run", ".yaml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a run's configuration to " + scratch, e);
        }
    }

    @Override
    public void close() {
        for (Evaluator evaluator : evaluators) {
            try {
                evaluator.close();
            } catch (Exception e) {
                // Closing on the way out: nothing more to do with a failure.
            }
        }
        try (var files = Files.list(scratch)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(scratch);
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless.
        }
    }
}
