package io.layernas.cli;

import io.layernas.api.ConfigurationException;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Evaluator;
import io.layernas.api.Metrics;
import io.layernas.api.SearchSpace;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.remote.RemoteRequests;
import io.layernas.cli.wiring.Plugins;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code layernas evaluate REQUEST.json}: evaluates one candidate the way a run would, for
 * executors that evaluate outside the controller (a Slurm job on a compute node). Writes the
 * metrics to the result file only when the evaluation succeeded; exits 0 then, non-zero with the
 * reason on stderr otherwise.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluates one candidate from a request file written by an executor (e.g. slurm) and "
                + "writes its metrics as JSON. Runs on the machine that trains: a cluster node.",
                "Exit code 0 when the metrics were written, 1 when the evaluation failed, 2 on a bad request."})
final class EvaluateCommand implements Callable<Integer> {
    private final Provider<Plugins> plugins;

    @Parameters(index = "0", paramLabel = "REQUEST", description = "The request file (JSON) an executor wrote.")
    private Path request;

    @Option(names = "--result", paramLabel = "FILE",
            description = "Where the metrics go (default: result.json next to REQUEST).")
    private Path result;

    @Inject
    EvaluateCommand(Provider<Plugins> plugins) {
        this.plugins = plugins;
    }

    @Override
    public Integer call() throws Exception {
        RemoteRequests.Request read = read(request);
        ExperimentConfig config = ExperimentConfig.of(read.configFile(), read.config());
        Plugins plugins = this.plugins.get();
        SearchSpace space = plugins.space(config.space());
        Metrics metrics;
        try (Evaluator evaluator = plugins.evaluator(config.evaluator(), space)) {
            metrics = evaluator.evaluate(new EvaluationRequest(space, read.architecture(), read.trialIndex(),
                    read.seed(), read.attempt()));
        }
        if (metrics == null) {
            throw new IllegalStateException("the evaluator returned no metrics");
        }
        Path file = result != null ? result : request.toAbsolutePath().resolveSibling("result.json");
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, RemoteRequests.encode(metrics), StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return 0;
    }

    private static RemoteRequests.Request read(Path file) {
        try {
            return RemoteRequests.decodeRequest(Files.readString(file, StandardCharsets.UTF_8), file);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the request " + file + ": " + e.getMessage()
                    + ". Is the shared directory mounted on this node?", e);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }
}
