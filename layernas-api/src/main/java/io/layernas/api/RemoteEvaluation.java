package io.layernas.api;

import java.nio.file.Path;
import java.util.List;

/**
 * How a process other than the controller evaluates one request: the controller writes the
 * request to a file, runs {@link #command} (on a cluster node, a worker host) and reads the
 * metrics the command wrote. The command rebuilds the experiment's space and evaluator from the
 * request, so the built-in evaluators and the {@code command} evaluator run there alike.
 * Implemented by the composition root (the {@code layernas evaluate} entry point). Thread-safe.
 */
public interface RemoteEvaluation {

    /** The request as a self-contained document (JSON) for {@link #command}. */
    String encode(EvaluationRequest request);

    /**
     * The program and its arguments that evaluate {@code requestFile} and write the metrics to
     * {@code resultFile} (only when the evaluation succeeded, atomically); exit code 0 on success.
     * An argument list, never a shell string.
     */
    List<String> command(Path requestFile, Path resultFile);

    /**
     * The metrics in a result file's text.
     *
     * @throws IllegalArgumentException when the text is not a result, saying what is wrong
     */
    Metrics decode(String result);
}
