package io.layernas.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.layernas.api.ConfigurationException;
import io.layernas.api.TrialStore;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.results.Provenance;
import io.layernas.cli.results.ResultWriter;
import io.layernas.store.RunIdentity;
import io.layernas.store.SqliteTrialStore;
import io.layernas.store.postgres.PostgresDatabase;
import io.layernas.store.postgres.PostgresTrialStore;
import io.layernas.store.postgres.WorkersExecutorProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a run keeps its trials: the one binding to change for another store. Trials go to
 * {@code trials.db} (SQLite, one durable transaction per trial) in the run directory, so that
 * {@code run --resume DIR} replays them after a crash; {@code trials.jsonl} is written with the
 * other results.
 *
 * <p>With {@code run.store: postgresql://host[:port]/db} the trials go to that shared database
 * instead, under the run id ({@code run.id}, default the output directory's name), with the
 * resolved configuration that workers build the run's evaluator from.
 *
 * <p>The store is tied to the run's fingerprint: the resolved configuration without the settings
 * that do not change what the search decides of its stored trials (output directory, workers,
 * budget, executor, failure handling, what Ctrl-C does). So a run can be resumed with more workers, a larger budget,
 * on another executor, with more retries or a longer time limit (its stored trials are a prefix of
 * the longer run's), but not with another space, target, strategy or seed. The data files'
 * checksums are checked too: a changed file is refused, naming it, unless
 * {@link RunDirectory#acceptChangedData()}.
 */
public final class TrialStoreModule extends AbstractModule {
    /** Keys of the resolved configuration that a resumed run may change. */
    static final List<String> NOT_IN_FINGERPRINT = List.of("run.output", "run.workers", "budget", "executor",
            "run.retries", "run.maxConsecutiveFailures", "run.timeoutSeconds", "run.store", "run.id",
            "run.onInterrupt");

    /** The executor whose workers read the run from its PostgreSQL store. */
    private static final String WORKERS = "workers";

    /**
     * Opens the store of the run in {@code directory} (bound with the run, see {@link Wiring#run}): the run
     * opens it once, after every plugin was created and checked and its directory locked, so a bad
     * configuration leaves no file behind.
     */
    @Provides
    @Singleton
    TrialStores stores(Provenance provenance, ExperimentConfig config, RunDirectory directory) {
        return () -> open(provenance, config, directory);
    }

    private static TrialStore open(Provenance provenance, ExperimentConfig config, RunDirectory directory) {
        RunIdentity identity = identity(provenance, NOT_IN_FINGERPRINT, directory.acceptChangedData());
        if (config.run().store() == null && WORKERS.equals(config.executor().name())) {
            throw new ConfigurationException("executor 'workers' needs run.store: postgresql://host[:port]/database, "
                    + "the database its workers share (layernas worker --store URL); without it the trials stay in "
                    + "this machine's trials.db, where no worker can see them.");
        }
        if (config.run().store() == null) {
            return SqliteTrialStore.open(directory.path().resolve(SqliteTrialStore.FILE_NAME), identity);
        }
        PostgresDatabase database = PostgresDatabase.parse(config.run().store(), "run.store", System.getenv());
        // With the worker pool, executor.outageSeconds is the run's patience with the database, store included.
        java.time.Duration outage = WORKERS.equals(config.executor().name())
                ? WorkersExecutorProvider.millis(WorkersExecutorProvider.outageSeconds(config.executor().settings()))
                : PostgresTrialStore.OUTAGE;
        return PostgresTrialStore.open(database, runId(config, directory), identity.fingerprint(),
                ResultWriter.yaml(provenance.config()), directory.resuming(), outage);
    }

    /** The run's id in a shared store: {@code run.id}, else the output directory's name. */
    static String runId(ExperimentConfig config, RunDirectory directory) {
        return config.run().id() != null ? config.run().id()
                : String.valueOf(directory.path().toAbsolutePath().normalize().getFileName());
    }

    /** The run's identity: its fingerprint without the keys {@code free} (and their children), and its data. */
    public static RunIdentity identity(Provenance provenance, List<String> free, boolean acceptChangedData) {
        Map<String, String> data = new TreeMap<>();
        provenance.dataFiles().forEach((path, sum) -> data.put(path.toString(), sum));
        return new RunIdentity(fingerprint(provenance.config(), free), data, acceptChangedData);
    }

    /** SHA-256 of the configuration in a canonical form, leaving out the keys {@code free}. */
    static String fingerprint(Map<String, Object> config, List<String> free) {
        Object canonical = canonical("", config, free);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static Object canonical(String path, Object value, List<String> free) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, child) -> {
                String childPath = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                if (!free.contains(childPath)) {
                    sorted.put(String.valueOf(key), canonical(childPath, child, free));
                }
            });
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> canonical(path, item, free)).toList();
        }
        // Numbers compare by value: 100 and 100.0 read from YAML or an override are the same setting.
        return value instanceof Number number ? Double.toString(number.doubleValue()) : String.valueOf(value);
    }
}
