package io.layernas.cli.config;

import io.layernas.api.ConfigurationException;
import io.layernas.api.Settings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code run} section: how to run, not what to search.
 *
 * @param seed                   the run's seed
 * @param workers                evaluations at once (does not change the result)
 * @param output                 the output directory as written (relative to the working directory), or {@code null}
 *                               for {@code runs/<config name>}
 * @param retries                further attempts after a failed evaluation
 * @param maxConsecutiveFailures failed trials in a row that stop the run
 * @param timeout                most time per evaluation attempt, or {@code null}
 */
public record RunConfig(long seed, int workers, Path output, int retries, int maxConsecutiveFailures,
                        Duration timeout) {

    /** Reads the section. */
    public static RunConfig from(Settings settings) {
        SectionReader reader = new SectionReader(settings);
        long seed = settings.getLong("seed", Defaults.SEED);
        int workers = (int) reader.between("workers", Defaults.WORKERS, 1, Defaults.MAX_WORKERS);
        String output = settings.getString("output", null);
        int retries = (int) reader.between("retries", Defaults.RETRIES, 0, Defaults.MAX_RETRIES);
        int failures = (int) reader.between("maxConsecutiveFailures", Defaults.MAX_CONSECUTIVE_FAILURES, 1,
                Integer.MAX_VALUE);
        double timeoutSeconds = reader.atLeastOrUnlimited("timeoutSeconds", Defaults.TIMEOUT_SECONDS,
                Defaults.MIN_TIMEOUT_SECONDS, Defaults.MAX_TIMEOUT_SECONDS);
        reader.requireAllUsed("the run");
        if (output != null && output.isBlank()) {
            throw new ConfigurationException(settings.keyOf("output") + " is empty. Name a directory, e.g. "
                    + "runs/my-search.");
        }
        Duration timeout = Double.isInfinite(timeoutSeconds) ? null : Duration.ofMillis(Math.round(timeoutSeconds * 1000));
        return new RunConfig(seed, workers, output == null ? null : Path.of(output), retries, failures, timeout);
    }

    /** This run with another seed. */
    public RunConfig withSeed(long newSeed) {
        return new RunConfig(newSeed, workers, output, retries, maxConsecutiveFailures, timeout);
    }
}
