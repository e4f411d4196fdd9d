package io.layernas.evaluators.external;

import io.layernas.api.EvaluationMonitor;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Evaluator;
import io.layernas.api.Metrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Evaluates a candidate by running the user's own training command, the way to train on one's
 * own GPUs or cluster. Per evaluation it writes the request ({@link RequestJson}) to a fresh
 * temporary directory, runs the command there with a time limit and reads the metrics from the
 * last JSON line of its stdout ({@link MetricsJson}).
 *
 * <p>A non-zero exit, a timeout (the whole process tree is killed), output without a JSON object,
 * malformed JSON or a NaN objective fail the trial with an {@link ExternalCommandException} whose
 * message keeps the exit code and the tail of stderr. The command sees the environment variables
 * {@code LAYERNAS_REQUEST} (the request file), {@code LAYERNAS_TRIAL}, {@code LAYERNAS_SEED} and
 * {@code LAYERNAS_ATTEMPT}. Thread-safe: evaluations share nothing.
 */
public final class CommandEvaluator implements Evaluator {
    /** Characters of stderr kept in a failure message. */
    static final int STDERR_TAIL = 2000;
    private final CommandSettings settings;

    /** An evaluator that runs {@code settings.command()} per candidate. */
    public CommandEvaluator(CommandSettings settings) {
        this.settings = settings;
    }

    @Override
    public Metrics evaluate(EvaluationRequest request) throws IOException, InterruptedException,
            ExternalCommandException {
        Path directory = Files.createTempDirectory("layernas-trial-" + request.trialIndex() + "-");
        try {
            return run(request, directory);
        } finally {
            deleteRecursively(directory);
        }
    }

    private Metrics run(EvaluationRequest request, Path directory)
            throws IOException, InterruptedException, ExternalCommandException {
        Path requestFile = directory.resolve("request.json");
        Files.writeString(requestFile, RequestJson.write(request), StandardCharsets.UTF_8);
        Path stdout = directory.resolve("stdout.txt");
        Path stderr = directory.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(arguments(requestFile)).directory(settings.workingDir().toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.redirectInput(settings.input().equals("stdin") ? requestFile.toFile() : emptyFile(directory));
        builder.environment().putAll(settings.env());
        builder.environment().put("LAYERNAS_REQUEST", requestFile.toString());
        builder.environment().put("LAYERNAS_TRIAL", Integer.toString(request.trialIndex()));
        builder.environment().put("LAYERNAS_SEED", Long.toString(request.seed()));
        builder.environment().put("LAYERNAS_ATTEMPT", Integer.toString(request.attempt()));
        long start = System.nanoTime();
        Process process = start(builder);
        int exit = awaitExit(process, stderr, request.monitor());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw failure("exited with code " + exit, exit, stderr);
        }
        try {
            return MetricsJson.read(Files.readString(stdout, StandardCharsets.UTF_8), seconds);
        } catch (IllegalArgumentException e) {
            throw failure("exited with code 0 but its metrics are unusable: " + e.getMessage(), exit, stderr);
        }
    }

    private Process start(ProcessBuilder builder) throws ExternalCommandException {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new ExternalCommandException("command " + settings.command() + " could not be started: "
                    + e.getMessage() + ". Check the evaluator's command (is the program installed and on the PATH?) "
                    + "and workingDir (" + settings.workingDir() + ").", -1);
        }
    }

    /** Waits for the command's exit; kills it with its children on a time-out or when the run abandons it. */
    private int awaitExit(Process process, Path stderr, EvaluationMonitor monitor)
            throws InterruptedException, ExternalCommandException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.timeoutSeconds());
        try {
            while (!process.waitFor(Math.min(200, Math.max(0, deadline - System.nanoTime()) / 1_000_000),
                    TimeUnit.MILLISECONDS)) {
                if (monitor.cancelled()) {
                    killTree(process);
                    throw new CancellationException("the run abandoned command " + settings.command());
                }
                if (System.nanoTime() >= deadline) {
                    killTree(process);
                    throw failure("ran longer than timeoutSeconds (" + settings.timeoutSeconds()
                            + " s) and was killed with its child processes", -1, stderr);
                }
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
    }

    private List<String> arguments(Path requestFile) {
        List<String> arguments = new ArrayList<>();
        for (String argument : settings.command()) {
            arguments.add(argument.replace("{request}", requestFile.toString()));
        }
        return arguments;
    }

    private static java.io.File emptyFile(Path directory) throws IOException {
        return Files.createFile(directory.resolve("empty-stdin")).toFile();
    }

    private static void killTree(Process process) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private ExternalCommandException failure(String what, int exit, Path stderr) {
        return new ExternalCommandException("command " + settings.command() + " " + what + ". stderr (tail):\n"
                + tail(stderr), exit);
    }

    /** The last {@link #STDERR_TAIL} characters of the file, or a note that it is empty. */
    static String tail(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                return "(empty)";
            }
            return text.length() <= STDERR_TAIL ? text : "..." + text.substring(text.length() - STDERR_TAIL);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
