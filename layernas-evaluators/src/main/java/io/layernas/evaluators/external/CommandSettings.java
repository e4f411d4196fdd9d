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
 * @param command        the program and its arguments; a single string runs through {@code /bin/sh -c}.
 *                       {@code {request}} in an argument is replaced by the request file's path
 * @param timeoutSeconds wall-clock limit per attempt; the process tree is killed after it
 * @param input          {@code file}: the request is written to a file whose path is in
 *                       {@code {request}} and {@code LAYERNAS_REQUEST}; {@code stdin}: it is also
 *                       piped to the command's standard input
 * @param workingDir     the command's working directory
 * @param env            extra environment variables
 */
public record CommandSettings(List<String> command, long timeoutSeconds, String input, Path workingDir,
                              Map<String, String> env) {
    /** The values {@link #input} accepts. */
    public static final List<String> INPUTS = List.of("file", "stdin");

    public CommandSettings {
        command = List.copyOf(command);
        env = Map.copyOf(env);
    }

    /** Reads and checks the settings; errors name the key, the value and a fix. */
    public static CommandSettings from(Settings settings) {
        Object raw = settings.raw("command");
        if (raw == null) {
            throw new ConfigurationException(settings.keyOf("command")
                    + " is missing. Give the training command, e.g. [python3, train.py, '{request}'].");
        }
        List<String> command = raw instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of("/bin/sh", "-c", raw.toString());
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw new ConfigurationException(settings.keyOf("command") + " is empty. Give the training command, "
                    + "e.g. [python3, train.py, '{request}'].");
        }
        long timeout = settings.getLong("timeoutSeconds", 3600);
        if (timeout < 1) {
            throw new ConfigurationException(settings.keyOf("timeoutSeconds") + " (" + timeout
                    + ") must be positive, like 3600 (one hour per candidate).");
        }
        Path workingDir = settings.getPath("workingDir", ".").toAbsolutePath().normalize();
        if (!Files.isDirectory(workingDir)) {
            throw new ConfigurationException(settings.keyOf("workingDir") + " (" + workingDir
                    + ") is not a directory. Create it or point it at the directory of your training script.");
        }
        return new CommandSettings(command, timeout, settings.getChoice("input", "file", INPUTS), workingDir,
                environment(settings.section("env")));
    }

    private static Map<String, String> environment(Settings env) {
        Map<String, String> variables = new TreeMap<>();
        for (String key : env.keys()) {
            variables.put(key, env.getString(key, ""));
        }
        return variables;
    }
}
