package io.layernas.store;

import io.layernas.api.Architecture;
import io.layernas.api.ConfigurationException;
import io.layernas.api.JobJournal;
import io.layernas.api.Metrics;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import io.layernas.api.TrialStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A durable {@link TrialStore} in an SQLite file. Each trial is written in one transaction with
 * {@code synchronous=FULL} in WAL mode, so when {@link #append} returns the trial survives a crash,
 * {@code kill -9} or power loss, and a write cut short leaves no partial trial behind.
 *
 * <p>The file also records a fingerprint of the run (configuration and seed): opening it for a run
 * with another fingerprint fails, since replaying its trials would not reproduce that run.
 * Its {@link #journal()} keeps an executor's job ids in the same file, as durably as the trials.
 * Thread-safe: appends are serialised.
 */
public final class SqliteTrialStore implements TrialStore {
    private static final String SCHEMA_VERSION = "1";
    private final Path file;
    private final Connection connection;

    private SqliteTrialStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) the store in {@code file} for a run with {@code fingerprint}.
     *
     * @throws ConfigurationException when the file is not a trial store, or holds another run
     */
    public static SqliteTrialStore open(Path file, String fingerprint) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            SqliteTrialStore store = new SqliteTrialStore(file, connection);
            store.initialise(fingerprint);
            return store;
        } catch (SQLException | java.io.IOException e) {
            throw new ConfigurationException("cannot open the trial store " + file + ": " + e.getMessage()
                    + ". Is it a LayerNAS run directory's trials.db? Delete it to start afresh.", e);
        }
    }

    private void initialise(String fingerprint) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=FULL");
            statement.execute("CREATE TABLE IF NOT EXISTS run (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS trial (idx INTEGER PRIMARY KEY, architecture TEXT NOT NULL"
                    + " UNIQUE, layer INTEGER NOT NULL, bucket INTEGER NOT NULL, cost REAL NOT NULL, status TEXT NOT NULL,"
                    + " objective REAL, training_seconds REAL, failure TEXT, wall_seconds REAL NOT NULL,"
                    + " attempts INTEGER NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS trial_value (idx INTEGER NOT NULL, key TEXT NOT NULL,"
                    + " value REAL NOT NULL, PRIMARY KEY (idx, key))");
            statement.execute("CREATE TABLE IF NOT EXISTS job (key TEXT PRIMARY KEY, job_id TEXT NOT NULL)");
        }
        checkOrRecord("schema", SCHEMA_VERSION, "schema version");
        checkOrRecord("fingerprint", fingerprint, "run fingerprint (configuration and seed)");
    }

    private void checkOrRecord(String key, String value, String what) throws SQLException {
        String stored = null;
        try (PreparedStatement query = connection.prepareStatement("SELECT value FROM run WHERE key = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    stored = row.getString(1);
                }
            }
        }
        if (stored == null) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO run (key, value) VALUES (?, ?)")) {
                insert.setString(1, key);
                insert.setString(2, value);
                insert.executeUpdate();
            }
        } else if (!stored.equals(value)) {
            throw new ConfigurationException("the trial store " + file + " belongs to another run: its " + what
                    + " is " + abbreviate(stored) + ", this run's is " + abbreviate(value)
                    + ". Resume with the same configuration and seed, or choose a new output directory.");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 16 ? text : text.substring(0, 16) + "…";
    }

    @Override
    public synchronized List<Trial> load() {
        Map<Integer, Map<String, Double>> values = loadValues();
        List<Trial> trials = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT idx, architecture, layer, bucket, cost, status, objective,"
                     + " training_seconds, failure, wall_seconds, attempts FROM trial ORDER BY idx")) {
            while (row.next()) {
                trials.add(trial(row, values.getOrDefault(row.getInt(1), Map.of())));
            }
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException("the trial store " + file + " is unreadable: " + e.getMessage(), e);
        }
        for (int i = 0; i < trials.size(); i++) {
            if (trials.get(i).index() != i) {
                throw new IllegalStateException("the trial store " + file + " misses trial #" + i
                        + "; it was not written by LayerNAS or was edited. Start a new run directory.");
            }
        }
        return trials;
    }

    private Map<Integer, Map<String, Double>> loadValues() {
        Map<Integer, Map<String, Double>> values = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT idx, key, value FROM trial_value")) {
            while (row.next()) {
                values.computeIfAbsent(row.getInt(1), i -> new HashMap<>()).put(row.getString(2), row.getDouble(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the trial store " + file + " is unreadable: " + e.getMessage(), e);
        }
        return values;
    }

    private static Trial trial(ResultSet row, Map<String, Double> values) throws SQLException {
        TrialStatus status = TrialStatus.valueOf(row.getString(6));
        Metrics metrics = status == TrialStatus.SUCCEEDED
                ? new Metrics(row.getDouble(7), row.getDouble(8), values) : null;
        return new Trial(row.getInt(1), parse(row.getString(2)), row.getInt(3), row.getInt(4), row.getDouble(5),
                status, metrics, row.getString(9), row.getDouble(10), row.getInt(11));
    }

    private static Architecture parse(String text) {
        String[] parts = text.split("-");
        int[] choices = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            choices[i] = Integer.parseInt(parts[i]);
        }
        return Architecture.of(choices);
    }

    @Override
    public synchronized void append(Trial trial) {
        try {
            connection.setAutoCommit(false);
            insertTrial(trial);
            if (trial.succeeded()) {
                insertValues(trial);
            }
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("cannot store trial #" + trial.index() + " in " + file + ": "
                    + e.getMessage() + ". Check free disk space and permissions; the run stops so nothing is lost.", e);
        } finally {
            autoCommit();
        }
    }

    private void insertTrial(Trial trial) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO trial (idx, architecture, layer,"
                + " bucket, cost, status, objective, training_seconds, failure, wall_seconds, attempts)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setInt(1, trial.index());
            insert.setString(2, trial.architecture().toString());
            insert.setInt(3, trial.layer());
            insert.setInt(4, trial.bucket());
            insert.setDouble(5, trial.cost());
            insert.setString(6, trial.status().name());
            if (trial.succeeded()) {
                insert.setDouble(7, trial.metrics().objective());
                insert.setDouble(8, trial.metrics().trainingSeconds());
            } else {
                insert.setNull(7, java.sql.Types.REAL);
                insert.setNull(8, java.sql.Types.REAL);
            }
            insert.setString(9, trial.failure());
            insert.setDouble(10, trial.wallSeconds());
            insert.setInt(11, trial.attempts());
            insert.executeUpdate();
        }
    }

    private void insertValues(Trial trial) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO trial_value (idx, key, value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Double> value : trial.metrics().values().entrySet()) {
                insert.setInt(1, trial.index());
                insert.setString(2, value.getKey());
                insert.setDouble(3, value.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The append already failed; its own exception says why.
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // Next append sets it again.
        }
    }

    @Override
    public JobJournal journal() {
        return new JobJournal() {
            @Override
            public Optional<String> find(String key) {
                return Optional.ofNullable(jobs().get(key));
            }

            @Override
            public void record(String key, String jobId) {
                recordJob(key, jobId);
            }

            @Override
            public Map<String, String> all() {
                return jobs();
            }
        };
    }

    private synchronized Map<String, String> jobs() {
        Map<String, String> jobs = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT key, job_id FROM job")) {
            while (row.next()) {
                jobs.put(row.getString(1), row.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the trial store " + file + " is unreadable: " + e.getMessage(), e);
        }
        return jobs;
    }

    private synchronized void recordJob(String key, String jobId) {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO job (key, job_id) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET job_id = excluded.job_id")) {
            upsert.setString(1, key);
            upsert.setString(2, jobId);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record job " + jobId + " in " + file + ": " + e.getMessage()
                    + ". Check free disk space and permissions.", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing after a crash of the connection: nothing left to flush.
        }
    }
}
