package io.layernas.store.postgres;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.CandidateExecutor;
import io.layernas.api.ExecutorProvider;
import io.layernas.api.ExecutorSetup;
import io.layernas.api.Settings;
import java.time.Duration;

/**
 * {@code workers}: candidates evaluated by {@code layernas worker} processes sharing the run's
 * PostgreSQL store ({@code run.store}). Settings: {@code pollSeconds} (0.5), how often the run looks
 * for results; {@code outageSeconds} (60), how long the database may be unreachable before the run
 * stops (its queue and its trial store both wait that long); {@code capacity} (10000), attempts
 * handed to the pool at once.
 */
public final class WorkersExecutorProvider extends AbstractPlugin implements ExecutorProvider {
    /** For ServiceLoader. */
    public WorkersExecutorProvider() {
        super("workers", "layernas worker processes on any hosts, sharing the run's PostgreSQL store (run.store)");
    }

    @Override
    public CandidateExecutor create(ExecutorSetup setup, Settings settings) {
        double poll = settings.getDouble("pollSeconds", 0.5);
        double outage = outageSeconds(settings);
        int capacity = settings.getInt("capacity", 10_000);
        if (!(poll > 0) || !(outage > 0) || capacity < 1) {
            throw new io.layernas.api.ConfigurationException(settings.keyOf("pollSeconds") + ", "
                    + settings.keyOf("outageSeconds") + " and " + settings.keyOf("capacity")
                    + " must be positive, e.g. pollSeconds: 0.5, outageSeconds: 60, capacity: 10000.");
        }
        return new WorkersExecutor(millis(poll), millis(outage), capacity);
    }

    /**
     * How long the run waits for an unreachable database, in seconds ({@code outageSeconds}, 60):
     * also how long its {@link PostgresTrialStore} waits.
     */
    public static double outageSeconds(Settings settings) {
        return settings.getDouble("outageSeconds", PostgresTrialStore.OUTAGE.toSeconds());
    }

    /** {@code seconds} as a duration, to the millisecond. */
    public static Duration millis(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
