package io.layernas.evaluators.external;

import io.layernas.api.EvaluationRequest;
import io.layernas.api.Evaluator;
import io.layernas.api.Metrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Evaluates a candidate by running the user's own training command, the way to train on one's
 * own GPUs or cluster. Per evaluation it writes the request ({@link RequestJson}) to a fresh
 * directory under the scratch directory ({@link RequestDirectories}), runs the command
 * ({@link CommandLine}: as is, or through {@code /bin/sh} only when asked) in a session of its
 * own ({@link CommandSession}) with a time limit, and reads the metrics from the last JSON line of
 * its stdout ({@link MetricsJson}).
 *
 * <p>A non-zero exit, a timeout (the whole session is killed), more stdout than
 * {@code maxStdoutBytes}, output without a JSON object, malformed JSON or a NaN objective fail
 * the trial with an {@link ExternalCommandException} whose message keeps the exit code and the
 * tail of stderr. Only a bounded part of either stream is ever held in memory. When the command
 * exits, whatever it left running in its session is killed. The command sees the environment
 * variables {@code LAYERNAS_REQUEST} (the request file), {@code LAYERNAS_TRIAL},
 * {@code LAYERNAS_SEED} and {@code LAYERNAS_ATTEMPT}. Thread-safe: evaluations share nothing.
 */
public final class CommandEvaluator implements Evaluator {
    /** Characters of stderr kept in a failure message. */
    static final int STDERR_TAIL = 2000;
    /** Bytes of stderr kept while the command runs (the message shows the last {@link #STDERR_TAIL} characters). */
    private static final int STDERR_KEPT = 16 * 1024;
    private final CommandSettings settings;

    /** An evaluator that runs {@code settings.command()} per candidate. */
    public CommandEvaluator(CommandSettings settings) {
        this.settings = settings;
        RequestDirectories.deleteStale(settings.scratchDir());
    }

    @Override
    public Metrics evaluate(EvaluationRequest request) throws IOException, InterruptedException,
            ExternalCommandException {
        Path directory = RequestDirectories.create(settings.scratchDir(), request.trialIndex());
        try {
            return run(request, directory);
        } finally {
            RequestDirectories.release(directory);
        }
    }

    private Metrics run(EvaluationRequest request, Path directory)
            throws IOException, InterruptedException, ExternalCommandException {
        Path requestFile = directory.resolve("request.json");
        Files.writeString(requestFile, RequestJson.write(request), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder(CommandLine.arguments(settings, request, requestFile))
                .directory(settings.workingDir().toFile());
        builder.redirectInput(settings.input().equals("stdin") ? requestFile.toFile() : emptyFile(directory));
        builder.environment().putAll(settings.env());
        builder.environment().put("LAYERNAS_REQUEST", requestFile.toString());
        builder.environment().put("LAYERNAS_TRIAL", Integer.toString(request.trialIndex()));
        builder.environment().put("LAYERNAS_SEED", Long.toString(request.seed()));
        builder.environment().put("LAYERNAS_ATTEMPT", Integer.toString(request.attempt()));
        long start = System.nanoTime();
        CommandSession session = start(builder);
        try {
            RequestDirectories.recordSession(directory, session.process());
        } catch (IOException e) {
            session.kill();
            throw e;
        }
        OutputCapture stdout = OutputCapture.upTo(session.process().getInputStream(), settings.maxStdoutBytes(),
                session::kill, "layernas-stdout-" + request.trialIndex());
        OutputCapture stderr = OutputCapture.tail(session.process().getErrorStream(), STDERR_KEPT,
                "layernas-stderr-" + request.trialIndex());
        int exit = awaitExit(session, stdout, stderr);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (stdout.exceeded()) {
            throw failure("printed more than maxStdoutBytes (" + settings.maxStdoutBytes() + " bytes) on stdout and "
                    + "was killed. Print logs to stderr or a file, or raise evaluator.maxStdoutBytes", -1, stderr);
        }
        if ((exit == 126 || exit == 127) && stderr.text().startsWith(CommandSession.SETSID + ": failed to execute")) {
            throw notStarted(stderr.text().strip().substring(CommandSession.SETSID.length() + 2), builder.command());
        }
        if (exit != 0) {
            throw failure("exited with code " + exit, exit, stderr);
        }
        try {
            return MetricsJson.read(stdout.text(), seconds).withLog(log(stdout.text(), stderr.text()));
        } catch (IllegalArgumentException e) {
            throw failure("exited with code 0 but its metrics are unusable: " + e.getMessage(), exit, stderr);
        }
    }

    private CommandSession start(ProcessBuilder builder) throws ExternalCommandException {
        List<String> command = List.copyOf(builder.command());
        try {
            return CommandSession.start(builder);
        } catch (IOException e) {
            throw notStarted(e.getMessage() + " (is '" + CommandSession.SETSID + "' from util-linux installed?)", command);
        }
    }

    private ExternalCommandException notStarted(String why, List<String> ran) {
        return new ExternalCommandException("command " + settings.command() + " could not be started: " + why
                + ". Check the evaluator's command (is the program installed and on the PATH?) and workingDir ("
                + settings.workingDir() + "). Ran: " + ran, -1);
    }

    /** Waits for the command, kills its session, and waits for both streams to end. */
    private int awaitExit(CommandSession session, OutputCapture stdout, OutputCapture stderr)
            throws InterruptedException, ExternalCommandException {
        boolean exited;
        try {
            exited = session.waitFor(settings.timeoutSeconds());
        } catch (InterruptedException e) {
            session.kill();
            throw e;
        }
        session.kill();
        stdout.await(10_000);
        stderr.await(10_000);
        if (CommandSession.shuttingDown()) {
            CommandSession.awaitHalt(); // killed by the JVM's shutdown, not failed: record nothing
        }
        if (!exited) {
            throw failure("ran longer than timeoutSeconds (" + settings.timeoutSeconds()
                    + " s) and was killed with every process of its session", -1, stderr);
        }
        return session.process().exitValue();
    }

    private static java.io.File emptyFile(Path directory) throws IOException {
        return Files.createFile(directory.resolve("empty-stdin")).toFile();
    }

    private ExternalCommandException failure(String what, int exit, OutputCapture stderr) {
        return new ExternalCommandException("command " + settings.command() + " " + what + ". stderr (tail):\n"
                + tail(stderr.text()), exit);
    }

    /**
     * The trial's log ({@link Metrics#log()}): the last lines of stdout (the metrics line last), then the
     * last lines of stderr, each under a heading and at most half of what a log keeps; null when both
     * are blank.
     */
    static String log(String stdout, String stderr) {
        int lines = Metrics.LOG_LINES / 2 - 1;
        int chars = Metrics.LOG_CHARS / 2 - 32;
        String out = Metrics.tail(stdout, lines, chars);
        String err = Metrics.tail(stderr, lines, chars);
        if (out == null && err == null) {
            return null;
        }
        return (out == null ? "" : "stdout (last lines):\n" + out + (err == null ? "" : "\n"))
                + (err == null ? "" : "stderr (last lines):\n" + err);
    }

    /** The last {@link #STDERR_TAIL} characters of {@code text}, or a note that it is empty. */
    static String tail(String text) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return "(empty)";
        }
        return stripped.length() <= STDERR_TAIL ? stripped : "..." + stripped.substring(stripped.length() - STDERR_TAIL);
    }
}
