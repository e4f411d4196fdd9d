package io.layernas.cli;

import io.layernas.api.ConfigurationException;
import io.layernas.cli.config.Defaults;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.results.OutputFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Chooses a run's output directory. Stateless. */
final class OutputDirectories {
    private OutputDirectories() {
    }

    /**
     * The directory for a new run: {@code explicit} (from {@code --output}) or {@code run.output},
     * which must not hold a run already; else {@code runs/<config name>}, numbered {@code -2},
     * {@code -3}, ... when taken ({@code name} is usually the config's name). Relative paths are
     * relative to the working directory.
     */
    static Path forNewRun(ExperimentConfig config, Path explicit, String name) {
        Path chosen = explicit != null ? explicit : config.run().output();
        if (chosen != null) {
            if (Files.exists(chosen) && !Files.isDirectory(chosen)) {
                throw new ConfigurationException((explicit != null ? "--output" : "run.output") + " (" + chosen
                        + ") is a file, not a directory. Choose a directory for the results, e.g. -o runs/my-search.");
            }
            if (Files.exists(chosen.resolve(OutputFiles.TRIALS_DB)) || Files.exists(chosen.resolve(OutputFiles.TRIALS_JSONL))) {
                String option = explicit != null ? "--output" : "run.output";
                throw new ConfigurationException(option + " (" + chosen + ") already holds a run. Resume it with "
                        + "'layernas run --resume " + chosen + "', or choose another directory.");
            }
            return chosen;
        }
        Path base = Path.of(Defaults.OUTPUT_PARENT, name);
        Path candidate = base;
        for (int n = 2; isTaken(candidate); n++) {
            candidate = Path.of(base + "-" + n);
        }
        return candidate;
    }

    private static boolean isTaken(Path directory) {
        if (!Files.exists(directory)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /**
     * Creates {@code directory} (and its parents) for results, failing with what is wrong and the
     * cause when it cannot: a file in the way, a read-only disk, no permission.
     *
     * @param option what chose the directory, for the message, e.g. {@code --output}
     */
    static void create(Path directory, String option) {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new ConfigurationException(option + " (" + directory + ") is a file, not a directory. Choose a "
                    + "directory for the results, e.g. -o runs/my-search.");
        }
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".layernas-write-test", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new ConfigurationException(option + " (" + directory + ") cannot hold the results: " + cause(e)
                    + ". Choose a writable directory, e.g. -o runs/my-search.", e);
        }
    }

    /** {@code AccessDeniedException: /x} or {@code FileSystemException: /x: Read-only file system}. */
    static String cause(IOException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** The config of a run directory to resume. */
    static Path configOf(Path runDirectory) {
        Path config = runDirectory.resolve(OutputFiles.CONFIG_YAML);
        if (!Files.isRegularFile(config)) {
            throw new ConfigurationException("--resume (" + runDirectory + ") holds no " + OutputFiles.CONFIG_YAML
                    + ", so it is not a run directory. Give the directory a run printed as 'results in ...'.");
        }
        return config;
    }
}
