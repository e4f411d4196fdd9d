package io.layernas.store.postgres;

import io.layernas.api.Architecture;
import io.layernas.api.ConfigurationException;
import io.layernas.api.JobJournal;
import io.layernas.api.Metrics;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import io.layernas.api.TrialStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A durable {@link TrialStore} in a shared PostgreSQL database: the trials of one run, told apart
 * from other runs' by the run id. Each trial (with its values) is one committed transaction, so
 * when {@link #append} returns it survives a crash of the run or of the server.
 *
 * <p>The run's row holds its fingerprint (opening it for another configuration fails, since
 * replaying its trials would not reproduce that run) and its resolved configuration, from which a
 * worker builds the run's evaluator.
 *
 * <p>A server restart, a failover or a network cut of up to {@link #OUTAGE} is waited out: a call
 * that loses its connection connects again and is repeated (a batch of trials whose commit reached
 * the server before the connection broke is not stored twice). Longer, and the call fails, which
 * stops the run with every trial stored before kept. Thread-safe: calls are serialised on one connection.
 */
public final class PostgresTrialStore implements TrialStore {
    /** How long an open store waits for a database that cannot be reached before the run stops. */
    public static final Duration OUTAGE = Duration.ofSeconds(60);

    private final PostgresDatabase database;
    private final String runId;
    private final ResilientConnection link;

    /** False in a database made before log tails were kept, until {@code layernas store init} runs again. */
    private final boolean keepsLogs;

    private PostgresTrialStore(PostgresDatabase database, String runId, ResilientConnection link, boolean keepsLogs) {
        this.database = database;
        this.runId = runId;
        this.link = link;
        this.keepsLogs = keepsLogs;
    }

    /**
     * Opens the store of run {@code runId}: a new run is registered with its fingerprint and
     * configuration; a run being resumed must have the same fingerprint.
     *
     * @param resuming false for a new run, which must not exist yet; true to continue one
     * @throws ConfigurationException when the database is unusable, the run id is taken or belongs
     *                                to another configuration
     */
    public static PostgresTrialStore open(PostgresDatabase database, String runId, String fingerprint, String config,
                                          boolean resuming) {
        return open(database, runId, fingerprint, config, resuming, OUTAGE);
    }

    /**
     * Opens the store of run {@code runId} as {@link #open(PostgresDatabase, String, String, String, boolean)}
     * does, waiting out outages of the database of up to {@code outage} once open.
     */
    public static PostgresTrialStore open(PostgresDatabase database, String runId, String fingerprint, String config,
                                          boolean resuming, Duration outage) {
        Connection connection = database.connect();
        try {
            PostgresSchema.check(connection, database);
            register(connection, database, runId, fingerprint, config, resuming);
            return new PostgresTrialStore(database, runId, new ResilientConnection(database, connection, outage),
                    PostgresSchema.hasLogTable(connection));
        } catch (SQLException e) {
            quietlyClose(connection);
            throw database.explain(e);
        } catch (RuntimeException e) {
            quietlyClose(connection);
            throw e;
        }
    }

    private static void register(Connection connection, PostgresDatabase database, String runId, String fingerprint,
                                 String config, boolean resuming) {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO layernas_run (run_id, fingerprint,"
                + " config) VALUES (?, ?, ?) ON CONFLICT (run_id) DO NOTHING")) {
            insert.setString(1, runId);
            insert.setString(2, fingerprint);
            insert.setString(3, config);
            if (insert.executeUpdate() == 1) {
                return;
            }
            if (!resuming) {
                throw new ConfigurationException("run id '" + runId + "' is already a run in " + database.url()
                        + " (" + database.key() + "). Set run.id to a new name, or continue that run with "
                        + "layernas run --resume DIR.");
            }
            String stored = fingerprintOf(connection, runId);
            if (!fingerprint.equals(stored)) {
                throw new ConfigurationException("run '" + runId + "' in " + database.url() + " belongs to another "
                        + "configuration: its fingerprint is " + abbreviate(stored) + ", this run's is "
                        + abbreviate(fingerprint) + ". Resume with the same configuration and seed, or set run.id "
                        + "to a new name.");
            }
        } catch (SQLException e) {
            throw database.explain(e);
        }
    }

    private static String fingerprintOf(Connection connection, String runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT fingerprint FROM layernas_run WHERE run_id = ?")) {
            query.setString(1, runId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 16 ? String.valueOf(text) : text.substring(0, 16) + "…";
    }

    /** The run id this store holds. */
    public String runId() {
        return runId;
    }

    /** The database. */
    public PostgresDatabase database() {
        return database;
    }

    @Override
    public synchronized List<Trial> load() {
        try {
            List<Trial> trials = link.run((connection, retry) -> read(connection));
            checkContiguous(trials);
            return trials;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the trials of run '" + runId + "' from " + database.url()
                    + ": " + e.getMessage(), e);
        }
    }

    private List<Trial> read(Connection connection) throws SQLException {
        Map<Integer, Map<String, Double>> values = values(connection);
        Map<Integer, String> logs = logs(connection);
        List<Trial> trials = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT idx, architecture, layer, bucket, cost,"
                + " status, objective, training_seconds, failure, wall_seconds, attempts FROM layernas_trial"
                + " WHERE run_id = ? ORDER BY idx")) {
            query.setString(1, runId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    int index = row.getInt(1);
                    trials.add(trial(row, values.getOrDefault(index, Map.of()), logs.get(index)));
                }
            }
        }
        return trials;
    }

    private void checkContiguous(List<Trial> trials) {
        for (int i = 0; i < trials.size(); i++) {
            if (trials.get(i).index() != i) {
                throw new IllegalStateException("run '" + runId + "' in " + database.url() + " misses trial #" + i
                        + "; its rows were edited. Start a new run (set run.id to a new name).");
            }
        }
    }

    private Map<Integer, Map<String, Double>> values(Connection connection) throws SQLException {
        Map<Integer, Map<String, Double>> values = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT idx, key, value FROM layernas_trial_value WHERE run_id = ?")) {
            query.setString(1, runId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    values.computeIfAbsent(row.getInt(1), i -> new HashMap<>()).put(row.getString(2), row.getDouble(3));
                }
            }
        }
        return values;
    }

    private Map<Integer, String> logs(Connection connection) throws SQLException {
        Map<Integer, String> logs = new HashMap<>();
        if (!keepsLogs) {
            return logs;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT idx, log FROM " + PostgresSchema.LOG_TABLE + " WHERE run_id = ?")) {
            query.setString(1, runId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    logs.put(row.getInt(1), row.getString(2));
                }
            }
        }
        return logs;
    }

    private static Trial trial(ResultSet row, Map<String, Double> values, String log) throws SQLException {
        TrialStatus status = TrialStatus.valueOf(row.getString(6));
        Metrics metrics = status == TrialStatus.SUCCEEDED
                ? new Metrics(row.getDouble(7), row.getDouble(8), values, log) : null;
        return new Trial(row.getInt(1), Architectures.parse(row.getString(2)), row.getInt(3), row.getInt(4),
                row.getDouble(5), status, metrics, row.getString(9), row.getDouble(10), row.getInt(11));
    }

    @Override
    public void append(Trial trial) {
        appendAll(List.of(trial));
    }

    /**
     * Stores {@code trials} in one transaction: all of them survive a crash, or none. Repeated after
     * a lost connection, unless the first trial is there already (the commit went through).
     */
    @Override
    public synchronized void appendAll(List<Trial> trials) {
        try {
            link.transaction((connection, retry) -> {
                if (retry && stored(connection, trials.get(0).index())) {
                    return null;
                }
                for (Trial trial : trials) {
                    insertTrial(connection, trial);
                    if (trial.succeeded()) {
                        insertValues(connection, trial);
                        insertLog(connection, trial);
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store trial #" + trials.get(0).index() + " of run '" + runId
                    + "' in " + database.url() + ": " + e.getMessage() + unreachable(e) + ". The run stops; every"
                    + " trial stored before is kept: when the database is back, continue with layernas run --resume"
                    + " DIR.", e);
        }
    }

    /** What a message adds when the failure was a database that stayed away. */
    private String unreachable(SQLException e) {
        return ResilientConnection.lostConnection(e) ? " (unreachable for " + link.outage().toSeconds() + " s)" : "";
    }

    /** True when trial {@code index} of this run is stored. */
    private boolean stored(Connection connection, int index) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM layernas_trial WHERE run_id = ? AND idx = ?")) {
            query.setString(1, runId);
            query.setInt(2, index);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Removes the trials from index {@code size} on, and their tasks in the work queue, so that a
     * resumed run evaluates them again instead of finding their old results.
     */
    @Override
    public synchronized void truncate(int size) {
        try {
            link.transaction((connection, retry) -> {
                for (String table : List.of("layernas_trial", "layernas_task")) {
                    try (PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM " + table + " WHERE run_id = ? AND idx >= ?")) {
                        delete.setString(1, runId);
                        delete.setInt(2, size);
                        delete.executeUpdate();
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the trials from #" + size + " of run '" + runId + "' in "
                    + database.url() + ": " + e.getMessage(), e);
        }
    }

    private void insertTrial(Connection connection, Trial trial) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO layernas_trial (run_id, idx,"
                + " architecture, layer, bucket, cost, status, objective, training_seconds, failure, wall_seconds,"
                + " attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, runId);
            insert.setInt(2, trial.index());
            insert.setString(3, trial.architecture().toString());
            insert.setInt(4, trial.layer());
            insert.setInt(5, trial.bucket());
            insert.setDouble(6, trial.cost());
            insert.setString(7, trial.status().name());
            if (trial.succeeded()) {
                insert.setDouble(8, trial.metrics().objective());
                insert.setDouble(9, trial.metrics().trainingSeconds());
            } else {
                insert.setNull(8, Types.DOUBLE);
                insert.setNull(9, Types.DOUBLE);
            }
            insert.setString(10, trial.failure());
            insert.setDouble(11, trial.wallSeconds());
            insert.setInt(12, trial.attempts());
            insert.executeUpdate();
        }
    }

    private void insertValues(Connection connection, Trial trial) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO layernas_trial_value (run_id, idx, key, value) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, Double> value : trial.metrics().values().entrySet()) {
                insert.setString(1, runId);
                insert.setInt(2, trial.index());
                insert.setString(3, value.getKey());
                insert.setDouble(4, value.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void insertLog(Connection connection, Trial trial) throws SQLException {
        if (!keepsLogs || trial.metrics().log() == null) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + PostgresSchema.LOG_TABLE + " (run_id, idx, log) VALUES (?, ?, ?)")) {
            insert.setString(1, runId);
            insert.setInt(2, trial.index());
            insert.setString(3, trial.metrics().log());
            insert.executeUpdate();
        }
    }

    /** The run's job journal, in the same database as its trials. */
    @Override
    public Journal journal() {
        return new Journal();
    }

    /**
     * Which job carries out which attempt of this run, kept in the run's database. The
     * {@code workers} executor finds the run's database and id through it.
     */
    public final class Journal implements JobJournal {
        private Journal() {
        }

        /** The database of the run. */
        public PostgresDatabase database() {
            return database;
        }

        /** The run's id. */
        public String runId() {
            return runId;
        }

        @Override
        public Optional<String> find(String key) {
            return Optional.ofNullable(jobs(key).get(key));
        }

        @Override
        public void record(String key, String jobId) {
            recordJob(key, jobId);
        }

        @Override
        public Map<String, String> all() {
            return jobs(null);
        }
    }

    private synchronized Map<String, String> jobs(String key) {
        try {
            return link.run((connection, retry) -> jobs(connection, key));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the job journal of run '" + runId + "' from " + database.url()
                    + ": " + e.getMessage(), e);
        }
    }

    private Map<String, String> jobs(Connection connection, String key) throws SQLException {
        Map<String, String> jobs = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT job_key, job_id FROM layernas_job"
                + " WHERE run_id = ?" + (key == null ? "" : " AND job_key = ?"))) {
            query.setString(1, runId);
            if (key != null) {
                query.setString(2, key);
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    jobs.put(row.getString(1), row.getString(2));
                }
            }
        }
        return jobs;
    }

    private synchronized void recordJob(String key, String jobId) {
        try {
            link.run((connection, retry) -> {
                try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO layernas_job (run_id,"
                        + " job_key, job_id) VALUES (?, ?, ?) ON CONFLICT (run_id, job_key) DO UPDATE SET job_id ="
                        + " excluded.job_id")) {
                    upsert.setString(1, runId);
                    upsert.setString(2, key);
                    upsert.setString(3, jobId);
                    return upsert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record job " + jobId + " of run '" + runId + "' in "
                    + database.url() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        link.close(); // nothing left to flush: every trial was committed when it was appended
    }

    private static void quietlyClose(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing left to flush: every trial was committed when it was appended.
        }
    }
}
