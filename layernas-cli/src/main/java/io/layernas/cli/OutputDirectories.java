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
                throw taken(explicit != null ? "--output" : "run.output", chosen, "run", "run");
            }
            if (Files.exists(chosen.resolve(OutputFiles.COMPARE_DB))) {
                throw taken(explicit != null ? "--output" : "run.output", chosen, "comparison", "compare");
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

    private static ConfigurationException taken(String option, Path chosen, String what, String command) {
        return new ConfigurationException(option + " (" + chosen + ") already holds a " + what + ". Resume it with "
                + "'layernas " + command + " --resume " + chosen + "', or choose another directory.");
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

    /**
     * The experiment file of a command given {@code config} and/or {@code --resume resume}: {@code config},
     * else the resumed directory's config.yaml. {@code what} names the run ("run", "comparison") and
     * {@code example} shows a command that starts one.
     */
    static Path experimentFile(Path config, Path resume, Path output, String what, String example) {
        if (config == null && resume == null) {
            throw new ConfigurationException("give an experiment file (" + example + ") or a " + what
                    + " to resume (--resume DIR).");
        }
        if (resume != null && output != null && !resume.equals(output)) {
            throw new ConfigurationException("--output (" + output + ") and --resume (" + resume + ") differ; a "
                    + "resumed " + what + " writes to the directory it resumes. Drop --output.");
        }
        return config != null ? config : configOf(resume);
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
