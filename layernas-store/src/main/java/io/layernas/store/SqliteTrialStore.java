package io.layernas.store;

import io.layernas.api.ConfigurationException;
import io.layernas.api.JobJournal;
import io.layernas.api.Trial;
import io.layernas.api.TrialStore;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A durable {@link TrialStore} in an SQLite file. Each {@link #append} (or {@link #appendAll}) is one
 * transaction with {@code synchronous=FULL} in WAL mode, so when it returns the trials survive a
 * crash, {@code kill -9} or power loss, and a write cut short leaves no partial trial behind.
 *
 * <p>The file also records the run's {@link RunIdentity}: opening it for a run with another
 * fingerprint, or with a data file whose checksum changed, fails, since replaying its trials would
 * not reproduce that run. Non-finite numbers are stored as such ({@link StoredNumbers}). A damaged
 * file, or a write-ahead log lost after a crash, is reported with what to do.
 * Its {@link #journal()} keeps an executor's job ids in the same file, as durably as the trials.
 * Thread-safe: appends are serialised.
 */
public final class SqliteTrialStore implements TrialStore {
    /** The store's file name in a run directory, where every reader and writer of runs looks for it. */
    public static final String FILE_NAME = "trials.db";
    private static final String SCHEMA_VERSION = "1";
    private final Path file;
    private final Connection connection;
    private final List<String> warnings = new ArrayList<>();
    private PreparedStatement insertTrial;
    private PreparedStatement insertValue;
    private PreparedStatement insertLog;

    private SqliteTrialStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens the store in {@code file} for a run known by {@code fingerprint} alone. */
    public static SqliteTrialStore open(Path file, String fingerprint) {
        return open(file, RunIdentity.of(fingerprint));
    }

    /**
     * Opens (creating if needed) the store in {@code file} for the run {@code identity}.
     *
     * @throws ConfigurationException when the file is not a trial store, is damaged, holds another run
     *                                or was made with other data
     */
    public static SqliteTrialStore open(Path file, RunIdentity identity) {
        boolean walMissing = SqliteFile.walMissing(file);
        Connection connection;
        try {
            connection = SqliteFile.connect(file);
        } catch (SQLException | IOException e) {
            throw StoreProblems.unreadable(file, e);
        }
        SqliteTrialStore store = new SqliteTrialStore(file, connection);
        try {
            store.initialise(identity, walMissing);
            return store;
        } catch (SQLException | RuntimeException e) {
            store.close();
            throw e instanceof ConfigurationException configuration ? configuration : StoreProblems.unreadable(file, e);
        }
    }

    private void initialise(RunIdentity identity, boolean walMissing) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS trial (" + TrialRows.DEFINITIONS
                    + ", PRIMARY KEY (idx), UNIQUE (architecture))");
            statement.execute("CREATE TABLE IF NOT EXISTS trial_value (idx INTEGER NOT NULL, key TEXT NOT NULL,"
                    + " value REAL NOT NULL, PRIMARY KEY (idx, key))");
            statement.execute("CREATE TABLE IF NOT EXISTS job (key TEXT PRIMARY KEY, job_id TEXT NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS " + TrialRows.LOG_TABLE + " (idx INTEGER PRIMARY KEY,"
                    + " log TEXT NOT NULL)");
        }
        RunRecord record = new RunRecord(file, connection);
        record.checkOrRecord(SCHEMA_VERSION, identity);
        if (walMissing && record.lastSessionUnclosed()) {
            warnings.add(SqliteFile.lostWal(file, count()));
        }
        record.session(true);
        SqliteFile.checkpoint(connection);
    }

    /** What opening found that the user should know, e.g. a lost write-ahead log; empty when all is well. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private long count() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM trial")) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    @Override
    public synchronized List<Trial> load() {
        List<Trial> trials = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT " + TrialRows.COLUMNS + " FROM trial ORDER BY idx")) {
            Map<Integer, Map<String, Double>> values = loadValues();
            Map<Integer, String> logs = loadLogs();
            while (row.next()) {
                int index = row.getInt(1);
                trials.add(TrialRows.read(row, 1, values.getOrDefault(index, Map.of()), logs.get(index)));
            }
        } catch (SQLException | RuntimeException e) {
            throw StoreProblems.unreadable(file, e);
        }
        for (int i = 0; i < trials.size(); i++) {
            if (trials.get(i).index() != i) {
                throw new ConfigurationException("the trial store " + file + " misses trial #" + i + "; it was edited,"
                        + " salvaged or not written by LayerNAS. To keep trials #0 to #" + (i - 1) + ": sqlite3 " + file
                        + " 'DELETE FROM trial WHERE idx >= " + i + "; DELETE FROM trial_value WHERE idx >= " + i
                        + "', then resume. Or start a new run directory.");
            }
        }
        return trials;
    }

    private Map<Integer, Map<String, Double>> loadValues() throws SQLException {
        Map<Integer, Map<String, Double>> values = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT idx, key, value FROM trial_value")) {
            while (row.next()) {
                values.computeIfAbsent(row.getInt(1), i -> new HashMap<>())
                        .put(row.getString(2), StoredNumbers.read(row, 3));
            }
        }
        return values;
    }

    private Map<Integer, String> loadLogs() throws SQLException {
        Map<Integer, String> logs = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT idx, log FROM " + TrialRows.LOG_TABLE)) {
            while (row.next()) {
                logs.put(row.getInt(1), row.getString(2));
            }
        }
        return logs;
    }

    @Override
    public synchronized void append(Trial trial) {
        appendAll(List.of(trial));
    }

    /** Stores {@code trials} in one transaction: all of them survive a crash once this returns, or none. */
    @Override
    public synchronized void appendAll(List<Trial> trials) {
        if (trials.isEmpty()) {
            return;
        }
        inTransaction("store trial #" + trials.get(0).index() + (trials.size() > 1 ? " and the "
                + (trials.size() - 1) + " after it" : ""), () -> {
                    prepareInserts();
                    try {
                        for (Trial trial : trials) {
                            TrialRows.bind(insertTrial, 1, trial);
                            insertTrial.addBatch();
                            addValues(insertValue, trial);
                            addLog(insertLog, trial);
                        }
                        insertTrial.executeBatch();
                        insertValue.executeBatch();
                        insertLog.executeBatch();
                    } finally {
                        insertTrial.clearBatch();
                        insertValue.clearBatch();
                        insertLog.clearBatch();
                    }
                });
    }

    /** Prepared once: a run appends hundreds of thousands of trials. */
    private void prepareInserts() throws SQLException {
        if (insertTrial == null) {
            insertTrial = connection.prepareStatement("INSERT INTO trial (" + TrialRows.COLUMNS + ") VALUES ("
                    + TrialRows.PLACEHOLDERS + ")");
            insertValue = connection.prepareStatement("INSERT INTO trial_value (idx, key, value) VALUES (?, ?, ?)");
            insertLog = connection.prepareStatement("INSERT INTO " + TrialRows.LOG_TABLE + " (idx, log) VALUES (?, ?)");
        }
    }

    private static void addValues(PreparedStatement insert, Trial trial) throws SQLException {
        if (!trial.succeeded()) {
            return;
        }
        for (Map.Entry<String, Double> value : trial.metrics().values().entrySet()) {
            insert.setInt(1, trial.index());
            insert.setString(2, value.getKey());
            StoredNumbers.bind(insert, 3, value.getValue());
            insert.addBatch();
        }
    }

    private static void addLog(PreparedStatement insert, Trial trial) throws SQLException {
        if (trial.succeeded() && trial.metrics().log() != null) {
            insert.setInt(1, trial.index());
            insert.setString(2, trial.metrics().log());
            insert.addBatch();
        }
    }

    @Override
    public JobJournal journal() {
        return new SqliteJobJournal(this, file, connection);
    }

    @Override
    public synchronized void truncate(int size) {
        inTransaction("remove trials from #" + size + " on", () -> {
            for (String table : List.of("trial", "trial_value", TrialRows.LOG_TABLE)) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                        + " WHERE idx >= ?")) {
                    delete.setInt(1, size);
                    delete.executeUpdate();
                }
            }
        });
    }

    private void inTransaction(String what, SqliteFile.Work work) {
        try {
            SqliteFile.inTransaction(connection, work);
        } catch (SQLException e) {
            if (StoreProblems.damaged(e)) {
                throw StoreProblems.unreadable(file, e);
            }
            throw new IllegalStateException("cannot " + what + " in " + file + ": " + e.getMessage()
                    + ". Check free disk space and permissions; the run stops so nothing is lost.", e);
        }
    }

    /** Marks the store closed cleanly (so a later open can tell a lost log) and closes it. */
    @Override
    public synchronized void close() {
        SqliteFile.close(file, connection);
    }
}
