package io.layernas.store.postgres;

import io.layernas.api.ConfigurationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables LayerNAS keeps in a PostgreSQL database: runs (each with its fingerprint and resolved
 * configuration), their trials, their executors' job journal, and the work queue of the worker pool. Several runs share the
 * tables, separated by their run id. The tables are created once, explicitly
 * ({@code layernas store init URL}), so that workers and runs can use a role without the right to
 * create tables, and a mistyped database is reported instead of silently filled. Stateless.
 */
public final class PostgresSchema {
    /** The version the code reads and writes; a database with another one is refused. */
    public static final int VERSION = 1;
    private static final long INIT_LOCK = 0x4c61796572L;

    /** The evaluators' log tails of succeeded trials ({@code Metrics.log()}). */
    static final String LOG_TABLE = "layernas_trial_log";
    /** The log tails the workers send with their results, until the controller stores them with the trials. */
    static final String TASK_LOG_TABLE = "layernas_task_log";

    private static final List<String> TABLES = List.of(
            "CREATE TABLE IF NOT EXISTS layernas_schema (version INTEGER NOT NULL)",
            "CREATE TABLE IF NOT EXISTS layernas_run (run_id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL,"
                    + " config TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'running',"
                    + " created TIMESTAMPTZ NOT NULL DEFAULT now())",
            "CREATE TABLE IF NOT EXISTS layernas_trial (run_id TEXT NOT NULL REFERENCES layernas_run ON DELETE CASCADE,"
                    + " idx INTEGER NOT NULL, architecture TEXT NOT NULL, layer INTEGER NOT NULL, bucket INTEGER NOT NULL,"
                    + " cost DOUBLE PRECISION NOT NULL, status TEXT NOT NULL, objective DOUBLE PRECISION,"
                    + " training_seconds DOUBLE PRECISION, failure TEXT, wall_seconds DOUBLE PRECISION NOT NULL,"
                    + " attempts INTEGER NOT NULL, PRIMARY KEY (run_id, idx), UNIQUE (run_id, architecture))",
            "CREATE TABLE IF NOT EXISTS layernas_trial_value (run_id TEXT NOT NULL, idx INTEGER NOT NULL,"
                    + " key TEXT NOT NULL, value DOUBLE PRECISION NOT NULL, PRIMARY KEY (run_id, idx, key),"
                    + " FOREIGN KEY (run_id, idx) REFERENCES layernas_trial ON DELETE CASCADE)",
            // Added after version 1 without a new version: a database without it works, without log tails,
            // until 'layernas store init' runs again (PostgresTrialStore checks for it).
            "CREATE TABLE IF NOT EXISTS " + PostgresSchema.LOG_TABLE + " (run_id TEXT NOT NULL, idx INTEGER NOT NULL,"
                    + " log TEXT NOT NULL, PRIMARY KEY (run_id, idx),"
                    + " FOREIGN KEY (run_id, idx) REFERENCES layernas_trial ON DELETE CASCADE)",
            "CREATE TABLE IF NOT EXISTS layernas_job (run_id TEXT NOT NULL REFERENCES layernas_run ON DELETE CASCADE,"
                    + " job_key TEXT NOT NULL, job_id TEXT NOT NULL, PRIMARY KEY (run_id, job_key))",
            "CREATE TABLE IF NOT EXISTS layernas_task (run_id TEXT NOT NULL REFERENCES layernas_run ON DELETE CASCADE,"
                    + " job_key TEXT NOT NULL, idx INTEGER NOT NULL, attempt INTEGER NOT NULL, seed BIGINT NOT NULL,"
                    + " architecture TEXT NOT NULL, state TEXT NOT NULL, claim INTEGER NOT NULL DEFAULT 0, worker TEXT,"
                    + " lease_until TIMESTAMPTZ, enqueued TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),"
                    + " succeeded BOOLEAN, objective DOUBLE PRECISION, training_seconds DOUBLE PRECISION, failure TEXT,"
                    + " wall_seconds DOUBLE PRECISION, PRIMARY KEY (run_id, job_key))",
            "CREATE INDEX IF NOT EXISTS layernas_task_waiting ON layernas_task (state, enqueued)",
            "CREATE TABLE IF NOT EXISTS layernas_task_value (run_id TEXT NOT NULL, job_key TEXT NOT NULL,"
                    + " key TEXT NOT NULL, value DOUBLE PRECISION NOT NULL, PRIMARY KEY (run_id, job_key, key),"
                    + " FOREIGN KEY (run_id, job_key) REFERENCES layernas_task ON DELETE CASCADE)",
            // Added after version 1 as the trial log was: without it workers send no log tails.
            "CREATE TABLE IF NOT EXISTS " + TASK_LOG_TABLE + " (run_id TEXT NOT NULL, job_key TEXT NOT NULL,"
                    + " log TEXT NOT NULL, PRIMARY KEY (run_id, job_key),"
                    + " FOREIGN KEY (run_id, job_key) REFERENCES layernas_task ON DELETE CASCADE)");

    private PostgresSchema() {
    }

    /** Creates the tables where missing (idempotent, one transaction); returns what it did. */
    public static String create(PostgresDatabase database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SELECT pg_advisory_xact_lock(" + INIT_LOCK + ")"); // two inits at once: one waits
            boolean existed = version(connection) > 0;
            for (String table : TABLES) {
                statement.execute(table);
            }
            if (!existed) {
                statement.execute("INSERT INTO layernas_schema (version) VALUES (" + VERSION + ")");
            }
            connection.commit();
            return existed ? "the LayerNAS tables of " + database.url() + " are already there (schema version "
                    + VERSION + ")" : "created the LayerNAS tables in " + database.url();
        } catch (SQLException e) {
            throw new ConfigurationException("cannot create the LayerNAS tables in " + database.url() + ": "
                    + e.getMessage() + ". The role '" + database.user() + "' needs the right to create tables "
                    + "in database '" + database.database() + "' (GRANT CREATE ON SCHEMA public TO ...).", e);
        }
    }

    /**
     * Checks that {@code connection}'s database holds the tables of this version.
     *
     * @throws ConfigurationException naming the key and the command that creates them
     */
    public static void check(Connection connection, PostgresDatabase database) {
        int version;
        try {
            version = version(connection);
        } catch (SQLException e) {
            throw database.explain(e);
        }
        if (version == 0) {
            throw new ConfigurationException("database '" + database.database() + "' of " + database.key() + " ("
                    + database.url() + ") has no LayerNAS tables. Create them once with: layernas store init "
                    + database.url());
        }
        if (version != VERSION) {
            throw new ConfigurationException("database '" + database.database() + "' of " + database.key()
                    + " holds LayerNAS tables of schema version " + version + ", this LayerNAS uses version "
                    + VERSION + ". Use a LayerNAS of that version, or another database.");
        }
    }

    /** True when the database has the table of log tails (made by {@code layernas store init} since it was added). */
    static boolean hasLogTable(Connection connection) throws SQLException {
        return hasTable(connection, LOG_TABLE);
    }

    /** True when the database has the table of the workers' log tails (made by {@code layernas store init} since). */
    static boolean hasTaskLogTable(Connection connection) throws SQLException {
        return hasTable(connection, TASK_LOG_TABLE);
    }

    private static boolean hasTable(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet table = statement.executeQuery("SELECT to_regclass('" + name + "') IS NOT NULL")) {
            return table.next() && table.getBoolean(1);
        }
    }

    /** The stored schema version, 0 when there are no LayerNAS tables. */
    private static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet table = statement.executeQuery("SELECT to_regclass('layernas_schema') IS NOT NULL")) {
            table.next();
            if (!table.getBoolean(1)) {
                return 0;
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT max(version) FROM layernas_schema")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }
}
