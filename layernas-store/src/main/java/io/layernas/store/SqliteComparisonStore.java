package io.layernas.store;

import io.layernas.api.ConfigurationException;
import io.layernas.api.Trial;
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
import java.util.Optional;

/**
 * The durable store of a comparison: the trials of each finished run (one strategy from one seed),
 * in an SQLite file. A run is saved in one transaction when it ends, so a comparison killed half way
 * keeps every run that had finished, and {@code compare --resume} runs only the others. Unfinished
 * runs are not stored (a run is short; storing each of its trials would cost a sync per trial).
 * Like {@link SqliteTrialStore}, it records the comparison's {@link RunIdentity} and refuses another.
 * Thread-safe.
 */
public final class SqliteComparisonStore implements AutoCloseable {
    private static final String SCHEMA_VERSION = "compare-1";
    private final Path file;
    private final Connection connection;
    private final List<String> warnings = new ArrayList<>();

    private SqliteComparisonStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) the store in {@code file} for the comparison {@code identity}.
     *
     * @throws ConfigurationException when the file is no comparison store, is damaged or holds another comparison
     */
    public static SqliteComparisonStore open(Path file, RunIdentity identity) {
        boolean walMissing = SqliteFile.walMissing(file);
        try {
            SqliteComparisonStore store = new SqliteComparisonStore(file, SqliteFile.connect(file));
            try {
                store.initialise(identity, walMissing);
                return store;
            } catch (SQLException | RuntimeException e) {
                store.close();
                throw e;
            }
        } catch (ConfigurationException e) {
            throw e;
        } catch (SQLException | IOException | RuntimeException e) {
            throw StoreProblems.unreadable(file, e);
        }
    }

    private void initialise(RunIdentity identity, boolean walMissing) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS finished_run (strategy TEXT NOT NULL, seed INTEGER NOT NULL,"
                    + " PRIMARY KEY (strategy, seed))");
            statement.execute("CREATE TABLE IF NOT EXISTS run_trial (strategy TEXT NOT NULL, seed INTEGER NOT NULL, "
                    + TrialRows.DEFINITIONS + ", PRIMARY KEY (strategy, seed, idx))");
            statement.execute("CREATE TABLE IF NOT EXISTS run_trial_value (strategy TEXT NOT NULL, seed INTEGER NOT"
                    + " NULL, idx INTEGER NOT NULL, key TEXT NOT NULL, value REAL NOT NULL,"
                    + " PRIMARY KEY (strategy, seed, idx, key))");
        }
        RunRecord record = new RunRecord(file, connection);
        record.checkOrRecord(SCHEMA_VERSION, identity);
        if (walMissing && record.lastSessionUnclosed()) {
            warnings.add(SqliteFile.lostWal(file, finishedRuns()).replace("stored trials", "finished runs"));
        }
        record.session(true);
        SqliteFile.checkpoint(connection);
    }

    /** What opening found that the user should know, e.g. a lost write-ahead log. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** How many finished runs are stored. */
    public synchronized long finishedRuns() {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM finished_run")) {
            return row.next() ? row.getLong(1) : 0;
        } catch (SQLException e) {
            throw StoreProblems.unreadable(file, e);
        }
    }

    /** The trials of the finished run of {@code strategy} from {@code seed}, in order, if it is stored. */
    public synchronized Optional<List<Trial>> load(String strategy, long seed) {
        try {
            if (!finished(strategy, seed)) {
                return Optional.empty();
            }
            Map<Integer, Map<String, Double>> values = values(strategy, seed);
            List<Trial> trials = new ArrayList<>();
            try (PreparedStatement query = keyed("SELECT " + TrialRows.COLUMNS + " FROM run_trial", strategy, seed,
                    " ORDER BY idx"); ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    trials.add(TrialRows.read(row, 1, values.getOrDefault(row.getInt(1), Map.of())));
                }
            }
            return Optional.of(trials);
        } catch (SQLException | RuntimeException e) {
            throw StoreProblems.unreadable(file, e);
        }
    }

    private boolean finished(String strategy, long seed) throws SQLException {
        try (PreparedStatement query = keyed("SELECT 1 FROM finished_run", strategy, seed, "");
             ResultSet row = query.executeQuery()) {
            return row.next();
        }
    }

    private Map<Integer, Map<String, Double>> values(String strategy, long seed) throws SQLException {
        Map<Integer, Map<String, Double>> values = new HashMap<>();
        try (PreparedStatement query = keyed("SELECT idx, key, value FROM run_trial_value", strategy, seed, "");
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                values.computeIfAbsent(row.getInt(1), i -> new HashMap<>())
                        .put(row.getString(2), StoredNumbers.read(row, 3));
            }
        }
        return values;
    }

    private PreparedStatement keyed(String select, String strategy, long seed, String tail) throws SQLException {
        PreparedStatement query = connection.prepareStatement(select + " WHERE strategy = ? AND seed = ?" + tail);
        query.setString(1, strategy);
        query.setLong(2, seed);
        return query;
    }

    /** Stores a finished run's trials in one transaction; once this returns they survive a crash. */
    public synchronized void save(String strategy, long seed, List<Trial> trials) {
        try {
            SqliteFile.inTransaction(connection, () -> insertRun(strategy, seed, trials));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the finished run of " + strategy + " from seed " + seed
                    + " in " + file + ": " + e.getMessage() + ". Check free disk space and permissions.", e);
        }
    }

    private void insertRun(String strategy, long seed, List<Trial> trials) throws SQLException {
        try (PreparedStatement run = connection.prepareStatement(
                "INSERT INTO finished_run (strategy, seed) VALUES (?, ?)");
             PreparedStatement trial = connection.prepareStatement("INSERT INTO run_trial (strategy, seed, "
                     + TrialRows.COLUMNS + ") VALUES (?, ?, " + TrialRows.PLACEHOLDERS + ")");
             PreparedStatement value = connection.prepareStatement("INSERT INTO run_trial_value (strategy, seed,"
                     + " idx, key, value) VALUES (?, ?, ?, ?, ?)")) {
            run.setString(1, strategy);
            run.setLong(2, seed);
            run.executeUpdate();
            for (Trial t : trials) {
                trial.setString(1, strategy);
                trial.setLong(2, seed);
                TrialRows.bind(trial, 3, t);
                trial.addBatch();
                for (Map.Entry<String, Double> entry : t.metricsIfSucceeded().map(m -> m.values())
                        .orElse(Map.of()).entrySet()) {
                    value.setString(1, strategy);
                    value.setLong(2, seed);
                    value.setInt(3, t.index());
                    value.setString(4, entry.getKey());
                    StoredNumbers.bind(value, 5, entry.getValue());
                    value.addBatch();
                }
            }
            trial.executeBatch();
            value.executeBatch();
        }
    }

    /** Marks the store closed cleanly and closes it. */
    @Override
    public synchronized void close() {
        SqliteFile.close(file, connection);
    }
}
