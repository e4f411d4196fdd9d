package io.layernas.store.postgres;

import io.layernas.api.Architecture;
import io.layernas.api.Metrics;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The controller's side of the work queue of one run: it puts candidates in the queue as tasks
 * (keyed by their trial index) and collects the results workers committed. A task already in the
 * queue with the same architecture is kept as it is, so a resumed controller picks up results
 * that workers finished while it was down instead of evaluating them again. Thread-safe.
 */
public final class RunQueue implements AutoCloseable {
    private final PostgresDatabase database;
    private final String runId;
    private final Connection connection;

    /**
     * The queue of run {@code runId}, which must be registered (opened as a
     * {@link PostgresTrialStore}) first.
     */
    public RunQueue(PostgresDatabase database, String runId) {
        this.database = database;
        this.runId = runId;
        this.connection = database.connect();
    }

    /** A candidate to evaluate: its trial index and architecture. */
    public record Entry(int index, Architecture architecture) {
    }

    /** Queues {@code entries} (one transaction); a task of another architecture at an index is replaced. */
    public synchronized void submit(List<Entry> entries) {
        String sql = "INSERT INTO layernas_task AS t (run_id, idx, architecture, state) VALUES (?, ?, ?, 'queued')"
                + " ON CONFLICT (run_id, idx) DO UPDATE SET architecture = excluded.architecture, state = 'queued',"
                + " claim = t.claim + 1, worker = NULL, lease_until = NULL, succeeded = NULL"
                + " WHERE t.architecture <> excluded.architecture";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            connection.setAutoCommit(false);
            for (Entry entry : entries) {
                insert.setString(1, runId);
                insert.setInt(2, entry.index());
                insert.setString(3, entry.architecture().toString());
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            throw failed("queue " + entries.size() + " candidates", e);
        } finally {
            autoCommit();
        }
    }

    /** The results committed so far for the tasks at {@code indexes}, by index. */
    public synchronized Map<Integer, TaskResult> finished(List<Integer> indexes) {
        Map<Integer, TaskResult> results = new HashMap<>();
        try {
            Array array = connection.createArrayOf("integer", indexes.toArray());
            Map<Integer, Map<String, Double>> values = values(array);
            try (PreparedStatement query = connection.prepareStatement("SELECT idx, succeeded, objective,"
                    + " training_seconds, failure, wall_seconds, attempts FROM layernas_task"
                    + " WHERE run_id = ? AND state = 'done' AND idx = ANY(?)")) {
                query.setString(1, runId);
                query.setArray(2, array);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        int index = row.getInt(1);
                        results.put(index, result(row, values.getOrDefault(index, Map.of())));
                    }
                }
            }
        } catch (SQLException e) {
            throw failed("read the workers' results", e);
        }
        return results;
    }

    private Map<Integer, Map<String, Double>> values(Array indexes) throws SQLException {
        Map<Integer, Map<String, Double>> values = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT idx, key, value FROM layernas_task_value WHERE run_id = ? AND idx = ANY(?)")) {
            query.setString(1, runId);
            query.setArray(2, indexes);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    values.computeIfAbsent(row.getInt(1), i -> new HashMap<>()).put(row.getString(2), row.getDouble(3));
                }
            }
        }
        return values;
    }

    private static TaskResult result(ResultSet row, Map<String, Double> values) throws SQLException {
        Metrics metrics = row.getBoolean(2) ? new Metrics(row.getDouble(3), row.getDouble(4), values) : null;
        return new TaskResult(metrics, metrics == null ? row.getString(5) : null, row.getDouble(6), row.getInt(7));
    }

    /** Takes the tasks at {@code indexes} that no worker finished out of the queue (the search no longer needs them). */
    public synchronized void withdraw(List<Integer> indexes) {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM layernas_task WHERE run_id = ? AND state <> 'done' AND idx = ANY(?)")) {
            delete.setString(1, runId);
            delete.setArray(2, connection.createArrayOf("integer", indexes.toArray()));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failed("withdraw tasks", e);
        }
    }

    private IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("cannot " + what + " of run '" + runId + "' in " + database.url() + ": "
                + e.getMessage() + ". The run stops; its stored trials are kept: when the database is back, "
                + "continue with layernas run --resume DIR.", e);
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // A broken connection: the next call reports it.
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing to flush: every call committed.
        }
    }
}
