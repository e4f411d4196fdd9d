package io.layernas.store.postgres;

import io.layernas.api.Architecture;
import io.layernas.api.Metrics;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The controller's side of the work queue of one run: it puts attempts at candidates in the queue
 * as tasks, keyed by the attempt's key (trial index, attempt and architecture), and collects the
 * results workers committed. A task already in the queue under the same key is kept as it is, so
 * a resumed controller picks up results that workers finished while it was down, and tasks still
 * running, instead of evaluating them again. Thread-safe.
 */
public final class RunQueue implements AutoCloseable {
    private final PostgresDatabase database;
    private final String runId;
    /** No waiting here: a call that fails drops the connection, and the executor decides how long to retry. */
    private final ResilientConnection link;
    private Boolean readsLogs;

    /**
     * The queue of run {@code runId}, which must be registered (opened as a
     * {@link PostgresTrialStore}) first. It connects on first use, and again after a failure.
     */
    public RunQueue(PostgresDatabase database, String runId) {
        this.database = database;
        this.runId = runId;
        this.link = new ResilientConnection(database, null, java.time.Duration.ZERO);
    }

    /**
     * One attempt at a candidate.
     *
     * @param key          the attempt's key, unique in the run
     * @param index        the candidate's trial index
     * @param attempt      the attempt, from 1
     * @param seed         the evaluation's seed
     * @param architecture the candidate
     */
    public record Entry(String key, int index, int attempt, long seed, Architecture architecture) {
    }

    /** Queues {@code entries} (one transaction); an entry whose key is queued already is left as it is. */
    public synchronized void submit(List<Entry> entries) {
        String sql = "INSERT INTO layernas_task (run_id, job_key, idx, attempt, seed, architecture, state)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'queued') ON CONFLICT (run_id, job_key) DO NOTHING";
        try {
            link.transaction((connection, retry) -> {
                try (PreparedStatement insert = connection.prepareStatement(sql);
                     java.sql.Statement statement = connection.createStatement()) {
                    // A task lost in a server crash is queued again by the resumed run: no need to wait for the disk.
                    statement.execute("SET LOCAL synchronous_commit = off");
                    for (Entry entry : entries) {
                        insert.setString(1, runId);
                        insert.setString(2, entry.key());
                        insert.setInt(3, entry.index());
                        insert.setInt(4, entry.attempt());
                        insert.setLong(5, entry.seed());
                        insert.setString(6, entry.architecture().toString());
                        insert.addBatch();
                    }
                    return insert.executeBatch();
                }
            });
        } catch (SQLException e) {
            throw failed("queue " + entries.size() + " candidates", e);
        }
    }

    /** The results committed so far for the tasks with {@code keys}, by key. */
    public synchronized Map<String, TaskResult> finished(Collection<String> keys) {
        try {
            return link.run((connection, retry) -> finished(connection, keys));
        } catch (SQLException e) {
            throw failed("read the workers' results", e);
        }
    }

    /**
     * The finished tasks first, then their values and log tails: a worker commits those with the
     * task's state, so once a task reads as done they are there. (Read the other way round, a task
     * finishing between the queries came back without them.)
     */
    private Map<String, TaskResult> finished(Connection connection, Collection<String> keys) throws SQLException {
        Map<String, Done> done = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT job_key, succeeded, objective,"
                + " training_seconds, failure, wall_seconds FROM layernas_task"
                + " WHERE run_id = ? AND state = 'done' AND job_key = ANY(?)")) {
            query.setString(1, runId);
            query.setArray(2, connection.createArrayOf("text", keys.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    done.put(row.getString(1), new Done(row.getBoolean(2), row.getDouble(3), row.getDouble(4),
                            row.getString(5), row.getDouble(6)));
                }
            }
        }
        Map<String, TaskResult> results = new HashMap<>();
        if (done.isEmpty()) {
            return results;
        }
        Array doneKeys = connection.createArrayOf("text", done.keySet().toArray());
        Map<String, Map<String, Double>> values = values(connection, doneKeys);
        Map<String, String> logs = logs(connection, doneKeys);
        done.forEach((key, task) -> results.put(key, task.result(values.getOrDefault(key, Map.of()), logs.get(key))));
        return results;
    }

    /** A finished task's row. */
    private record Done(boolean succeeded, double objective, double trainingSeconds, String failure,
                        double wallSeconds) {
        TaskResult result(Map<String, Double> values, String log) {
            Metrics metrics = succeeded ? new Metrics(objective, trainingSeconds, values, log) : null;
            return new TaskResult(metrics, metrics == null ? failure : null, wallSeconds);
        }
    }

    private Map<String, Map<String, Double>> values(Connection connection, Array keys) throws SQLException {
        Map<String, Map<String, Double>> values = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT job_key, key, value FROM layernas_task_value WHERE run_id = ? AND job_key = ANY(?)")) {
            query.setString(1, runId);
            query.setArray(2, keys);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    values.computeIfAbsent(row.getString(1), k -> new HashMap<>()).put(row.getString(2), row.getDouble(3));
                }
            }
        }
        return values;
    }

    /** The workers' log tails of the tasks with {@code keys}; none from a database made before they were sent. */
    private Map<String, String> logs(Connection connection, Array keys) throws SQLException {
        if (readsLogs == null) {
            readsLogs = PostgresSchema.hasTaskLogTable(connection);
        }
        Map<String, String> logs = new HashMap<>();
        if (!readsLogs) {
            return logs;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT job_key, log FROM "
                + PostgresSchema.TASK_LOG_TABLE + " WHERE run_id = ? AND job_key = ANY(?)")) {
            query.setString(1, runId);
            query.setArray(2, keys);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    logs.put(row.getString(1), row.getString(2));
                }
            }
        }
        return logs;
    }

    /**
     * Takes the tasks with {@code keys} that no worker finished out of the queue (the run cancelled
     * them); a worker evaluating one learns it at its next heartbeat and stops.
     */
    public synchronized void withdraw(Collection<String> keys) {
        try {
            link.run((connection, retry) -> {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM layernas_task WHERE run_id = ? AND state <> 'done' AND job_key = ANY(?)")) {
                    delete.setString(1, runId);
                    delete.setArray(2, connection.createArrayOf("text", keys.toArray()));
                    return delete.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw failed("withdraw tasks", e);
        }
    }

    /** The failure of a call (whose connection was dropped: the next call connects again) as the run's error. */
    private IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("cannot " + what + " of run '" + runId + "' in " + database.url() + ": "
                + e.getMessage() + ". The run stops; its stored trials are kept: when the database is back, "
                + "continue with layernas run --resume DIR.", e);
    }

    @Override
    public synchronized void close() {
        link.close(); // nothing to flush: every call committed
    }
}
