package io.layernas.store.postgres;

import io.layernas.api.Metrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A worker's side of the work queue: claim a task for a lease ({@code SELECT ... FOR UPDATE SKIP
 * LOCKED}, so workers never wait on each other), renew the lease while evaluating, and commit the
 * result, or hand the task back. A task whose lease ran out (its worker died or lost the network)
 * can be claimed again; each claim gets a new number, and a result is accepted only under the
 * current one, so a late result from a lost lease is dropped, never counted twice.
 * A call that fails drops its connection ({@link ResilientConnection}), and the next call connects
 * again, so a worker can wait out a database restart. Thread-safe: calls are serialised on one connection.
 */
public final class WorkerQueue implements AutoCloseable {
    private final PostgresDatabase database;
    private final String worker;
    private final boolean sendsLogs;
    private final ResilientConnection link;

    /**
     * Connects as the worker named {@code worker} (host and process, for people reading the queue).
     *
     * @throws io.layernas.api.ConfigurationException when the database cannot be used (unreachable,
     *         credentials refused, no LayerNAS tables): what to fix
     */
    public WorkerQueue(PostgresDatabase database, String worker) {
        this.database = database;
        this.worker = worker;
        Connection first = database.connect();
        // No waiting here: a call that fails drops the connection, and the worker decides how long to retry.
        this.link = new ResilientConnection(database, first, Duration.ZERO);
        try {
            PostgresSchema.check(first, database);
            this.sendsLogs = PostgresSchema.hasTaskLogTable(first);
        } catch (SQLException e) {
            link.close();
            throw database.explain(e);
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
    }

    /**
     * Claims the oldest waiting task (or one whose lease ran out) of {@code runs}, or of any run
     * when {@code runs} is empty, for {@code lease}.
     */
    public synchronized Optional<ClaimedTask> claim(List<String> runs, Duration lease) throws SQLException {
        String sql = "WITH next AS (SELECT run_id, job_key FROM layernas_task WHERE (state = 'queued'"
                + " OR (state = 'running' AND lease_until < clock_timestamp()))"
                + (runs.isEmpty() ? "" : " AND run_id = ANY(?)")
                + " ORDER BY enqueued, run_id, idx LIMIT 1 FOR UPDATE SKIP LOCKED)"
                + " UPDATE layernas_task t SET state = 'running', claim = t.claim + 1, worker = ?,"
                + " lease_until = clock_timestamp() + make_interval(secs => ?)"
                + " FROM next WHERE t.run_id = next.run_id AND t.job_key = next.job_key"
                + " RETURNING t.run_id, t.job_key, t.idx, t.attempt, t.seed, t.architecture, t.claim";
        return link.run((connection, retry) -> {
            try (PreparedStatement claim = connection.prepareStatement(sql)) {
                int parameter = 1;
                if (!runs.isEmpty()) {
                    claim.setArray(parameter++, connection.createArrayOf("text", runs.toArray()));
                }
                claim.setString(parameter++, worker);
                claim.setDouble(parameter, lease.toMillis() / 1000.0);
                try (ResultSet row = claim.executeQuery()) {
                    return row.next() ? Optional.of(new ClaimedTask(row.getString(1), row.getString(2), row.getInt(3),
                            row.getInt(4), row.getLong(5), Architectures.parse(row.getString(6)), row.getInt(7)))
                            : Optional.empty();
                }
            }
        });
    }

    /** Extends the lease of {@code task}; false when it was lost (the task was claimed again or withdrawn). */
    public synchronized boolean renew(ClaimedTask task, Duration lease) throws SQLException {
        return link.run((connection, retry) -> {
            try (PreparedStatement renew = connection.prepareStatement("UPDATE layernas_task SET lease_until ="
                    + " clock_timestamp() + make_interval(secs => ?) WHERE run_id = ? AND job_key = ? AND claim = ?"
                    + " AND state = 'running'")) {
                renew.setDouble(1, lease.toMillis() / 1000.0);
                setKey(renew, 2, task);
                return renew.executeUpdate() == 1;
            }
        });
    }

    /**
     * Commits the result of {@code task} in one transaction; false (and nothing written) when the
     * lease was lost and another claim owns the task now.
     */
    public synchronized boolean complete(ClaimedTask task, TaskResult result) throws SQLException {
        return link.transaction((connection, retry) -> {
            boolean current = markDone(connection, task, result);
            if (current && result.metrics() != null) {
                insertValues(connection, task, result.metrics().values());
                if (sendsLogs && result.metrics().log() != null) {
                    insertLog(connection, task, result.metrics().log());
                }
            }
            return current;
        });
    }

    private boolean markDone(Connection connection, ClaimedTask task, TaskResult result) throws SQLException {
        try (PreparedStatement done = connection.prepareStatement("UPDATE layernas_task SET state = 'done',"
                + " lease_until = NULL, succeeded = ?, objective = ?, training_seconds = ?, failure = ?,"
                + " wall_seconds = ? WHERE run_id = ? AND job_key = ? AND claim = ? AND state = 'running'")) {
            Metrics metrics = result.metrics();
            done.setBoolean(1, metrics != null);
            if (metrics != null) {
                done.setDouble(2, metrics.objective());
                done.setDouble(3, metrics.trainingSeconds());
            } else {
                done.setNull(2, Types.DOUBLE);
                done.setNull(3, Types.DOUBLE);
            }
            done.setString(4, result.failure());
            done.setDouble(5, result.wallSeconds());
            setKey(done, 6, task);
            return done.executeUpdate() == 1;
        }
    }

    private void insertValues(Connection connection, ClaimedTask task, Map<String, Double> values)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM layernas_task_value WHERE run_id = ? AND job_key = ?")) {
            delete.setString(1, task.runId());
            delete.setString(2, task.key());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO layernas_task_value (run_id, job_key, key, value) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, Double> value : values.entrySet()) {
                insert.setString(1, task.runId());
                insert.setString(2, task.key());
                insert.setString(3, value.getKey());
                insert.setDouble(4, value.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void insertLog(Connection connection, ClaimedTask task, String log) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + PostgresSchema.TASK_LOG_TABLE
                + " (run_id, job_key, log) VALUES (?, ?, ?) ON CONFLICT (run_id, job_key) DO UPDATE SET log = excluded.log")) {
            insert.setString(1, task.runId());
            insert.setString(2, task.key());
            insert.setString(3, log);
            insert.executeUpdate();
        }
    }

    /** Hands {@code task} back to the queue at once (a worker stopping), if it still holds it. */
    public synchronized boolean release(ClaimedTask task) throws SQLException {
        return link.run((connection, retry) -> {
            try (PreparedStatement release = connection.prepareStatement("UPDATE layernas_task SET state = 'queued',"
                    + " worker = NULL, lease_until = NULL WHERE run_id = ? AND job_key = ? AND claim = ?"
                    + " AND state = 'running'")) {
                setKey(release, 1, task);
                return release.executeUpdate() == 1;
            }
        });
    }

    private static void setKey(PreparedStatement statement, int first, ClaimedTask task) throws SQLException {
        statement.setString(first, task.runId());
        statement.setString(first + 1, task.key());
        statement.setInt(first + 2, task.claim());
    }

    /**
     * The resolved configuration (YAML) that run {@code runId} was started with.
     *
     * @throws IllegalStateException when the database holds no run {@code runId}
     */
    public synchronized String configOf(String runId) throws SQLException {
        String config = link.run((connection, retry) -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT config FROM layernas_run WHERE run_id = ?")) {
                query.setString(1, runId);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
        if (config == null) {
            throw new IllegalStateException("run '" + runId + "' is not in " + database.url());
        }
        return config;
    }

    @Override
    public synchronized void close() {
        link.close(); // nothing to flush: every call committed
    }
}
