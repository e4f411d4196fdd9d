package io.layernas.cli.config;

import io.layernas.api.ConfigurationException;
import io.layernas.api.Settings;
import java.nio.file.Path;
import io.layernas.store.postgres.PostgresDatabase;
import java.time.Duration;
import java.util.Map;

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
 * @param store                  the PostgreSQL store URL ({@code postgresql://host[:port]/db}), or {@code null}
 *                               for the SQLite file {@code trials.db} in the output directory
 * @param id                     the run's id in a shared store, or {@code null} for the output directory's name
 * @param abandonOnInterrupt     whether the first Ctrl-C (or SIGTERM) abandons running trials instead of
 *                               letting them finish ({@code onInterrupt: abandon} or {@code finish})
 */
public record RunConfig(long seed, int workers, Path output, int retries, int maxConsecutiveFailures,
                        Duration timeout, String store, String id, boolean abandonOnInterrupt) {
    /** The values {@code run.onInterrupt} takes. */
    public static final java.util.List<String> ON_INTERRUPT = java.util.List.of("finish", "abandon");

    /** A run keeping its trials in the output directory, whose running trials finish on the first interrupt. */
    public RunConfig(long seed, int workers, Path output, int retries, int maxConsecutiveFailures, Duration timeout) {
        this(seed, workers, output, retries, maxConsecutiveFailures, timeout, null, null, false);
    }

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
        String store = settings.getString("store", null);
        String id = settings.getString("id", null);
        String onInterrupt = settings.getChoice("onInterrupt", Defaults.ON_INTERRUPT, ON_INTERRUPT);
        reader.requireAllUsed("the run");
        checkStore(settings, store, id);
        if (output != null && output.isBlank()) {
            throw new ConfigurationException(settings.keyOf("output") + " is empty. Name a directory, e.g. "
                    + "runs/my-search.");
        }
        Duration timeout = Double.isInfinite(timeoutSeconds) ? null : Duration.ofMillis(Math.round(timeoutSeconds * 1000));
        return new RunConfig(seed, workers, output == null ? null : Path.of(output), retries, failures, timeout,
                store, id, onInterrupt.equals("abandon"));
    }

    private static void checkStore(Settings settings, String store, String id) {
        if (store != null) {
            if (!PostgresDatabase.isUrl(store)) {
                throw new ConfigurationException(settings.keyOf("store") + " (" + store + ") must be a PostgreSQL "
                        + "store URL, postgresql://host[:port]/database. Leave it out to keep the trials in trials.db "
                        + "in the output directory.");
            }
            PostgresDatabase.parse(store, settings.keyOf("store"), Map.of());
        }
        if (id != null && (id.isBlank() || id.length() > 200)) {
            throw new ConfigurationException(settings.keyOf("id") + " must be 1 to 200 characters, e.g. "
                    + "'mobilenet-60m-seed42'; leave it out to use the output directory's name.");
        }
    }

    /** This run with another seed. */
    public RunConfig withSeed(long newSeed) {
        return new RunConfig(newSeed, workers, output, retries, maxConsecutiveFailures, timeout, store, id,
                abandonOnInterrupt);
    }
}
