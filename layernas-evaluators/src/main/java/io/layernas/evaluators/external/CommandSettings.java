package io.layernas.evaluators.external;

import io.layernas.api.ConfigurationException;
import io.layernas.api.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings of the {@code command} evaluator.
 *
 * @param command        the program and its arguments, run as is (no shell); with {@code shell}, one
 *                       string: a {@code /bin/sh} script. Placeholders ({@link CommandLine}) are replaced
 *                       by their values, quoted for the shell when there is one
 * @param shell          run {@code command} with {@code /bin/sh -c}; only when the user asks for it
 * @param timeoutSeconds wall-clock limit per attempt; the command's whole session is killed after it
 * @param input          {@code file}: the request is written to a file whose path is in
 *                       {@code {request}} and {@code LAYERNAS_REQUEST}; {@code stdin}: it is also
 *                       piped to the command's standard input
 * @param workingDir     the command's working directory
 * @param env            extra environment variables, passed as they are (never through a shell)
 * @param maxStdoutBytes most bytes the command may print on stdout; more fails the trial
 * @param scratchDir     where the per-request directories are made; default {@code java.io.tmpdir}
 */
public record CommandSettings(List<String> command, boolean shell, long timeoutSeconds, String input,
                              Path workingDir, Map<String, String> env, long maxStdoutBytes, Path scratchDir) {
    /** The values {@link #input} accepts. */
    public static final List<String> INPUTS = List.of("file", "stdin");
    /** Default of {@link #maxStdoutBytes}: 8 MiB. */
    public static final long DEFAULT_MAX_STDOUT = 8L << 20;
    /** Most any {@link #maxStdoutBytes}: the captured stdout lives on the heap, once per worker. */
    public static final long MAX_STDOUT_LIMIT = 256L << 20;
    /** Longest {@link #timeoutSeconds}: 30 days. */
    public static final long MAX_TIMEOUT_SECONDS = 30L * 24 * 3600;

    public CommandSettings {
        command = List.copyOf(command);
        env = Map.copyOf(env);
    }

    /** Reads and checks the settings; errors name the key, the value and a fix. */
    public static CommandSettings from(Settings settings) {
        boolean shell = settings.getBoolean("shell", false);
        List<String> command = command(settings, shell);
        long timeout = settings.getLong("timeoutSeconds", 3600, 1, MAX_TIMEOUT_SECONDS);
        long maxStdout = settings.getLong("maxStdoutBytes", DEFAULT_MAX_STDOUT, 1024, MAX_STDOUT_LIMIT);
        Path workingDir = directory(settings, "workingDir", ".", "the directory of your training script");
        Path scratch = settings.raw("scratchDir") != null ? directory(settings, "scratchDir", null, "a directory with free "
                + "space") : defaultScratch();
        return new CommandSettings(command, shell, timeout, settings.getChoice("input", "file", INPUTS), workingDir,
                environment(settings.section("env")), maxStdout, scratch);
    }

    private static List<String> command(Settings settings, boolean shell) {
        String key = settings.keyOf("command");
        Object raw = settings.raw("command");
        if (raw == null) {
            throw new ConfigurationException(key + " is missing. Give the training command as a list, e.g. "
                    + "[python3, train.py, '{request}'].");
        }
        List<String> command = raw instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of(raw.toString());
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw new ConfigurationException(key + " is empty. Give the training command, e.g. [python3, train.py, "
                    + "'{request}'].");
        }
        if (shell && command.size() != 1) {
            throw new ConfigurationException(key + " has " + command.size() + " parts, but with "
                    + settings.keyOf("shell") + ": true it is one /bin/sh script, e.g. command: 'python3 train.py "
                    + "{request} 2>&1 | tee -a log.txt'. Or drop shell: true to run the list as is.");
        }
        if (!shell && !(raw instanceof List<?>) && raw.toString().strip().contains(" ")) {
            throw new ConfigurationException(key + " ('" + raw + "') is one string with spaces: it would run as a "
                    + "program of that name. Give a list, e.g. [python3, train.py, '{request}'], or set "
                    + settings.keyOf("shell") + ": true to run it with /bin/sh -c (values are then quoted for you).");
        }
        return command;
    }

    private static Path directory(Settings settings, String key, String fallback, String hint) {
        Path directory = settings.getPath(key, fallback).toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new ConfigurationException(settings.keyOf(key) + " (" + directory + ") is not a directory. "
                    + "Create it or point it at " + hint + ".");
        }
        return directory;
    }

    private static Map<String, String> environment(Settings env) {
        Map<String, String> variables = new TreeMap<>();
        for (String key : env.keys()) {
            variables.put(key, env.getString(key, ""));
        }
        return variables;
    }

    private static Path defaultScratch() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
