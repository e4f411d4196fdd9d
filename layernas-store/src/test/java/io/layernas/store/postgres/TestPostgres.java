package io.layernas.store.postgres;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The real PostgreSQL server the tests use, started by {@code scripts/services/postgresql.sh start}
 * (which {@code scripts/test.sh} runs), found through {@code LAYERNAS_TEST_POSTGRES}, {@code PGUSER}
 * and {@code PGPASSWORD}. Without it a test fails in CI and is skipped elsewhere, saying how to start it.
 */
public final class TestPostgres {
    /** The variable holding the test database's store URL. */
    public static final String URL_VARIABLE = "LAYERNAS_TEST_POSTGRES";
    private static final String HOW = "start PostgreSQL with: eval \"$(scripts/services/postgresql.sh start)\"";

    private TestPostgres() {
    }

    /** The test database's URL, its tables created; fails in CI and skips elsewhere when there is none. */
    public static String url() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail(URL_VARIABLE + " is not set: the PostgreSQL tests need the server; " + HOW);
            }
            assumeTrue(false, URL_VARIABLE + " is not set; skipping the PostgreSQL tests (" + HOW + ")");
        }
        PostgresSchema.create(database(url));
        return url;
    }

    /** The database without LayerNAS tables ({@code LAYERNAS_TEST_POSTGRES_EMPTY}); drop what a test creates. */
    public static PostgresDatabase emptyDatabase() {
        url();
        PostgresDatabase empty = database(System.getenv(URL_VARIABLE + "_EMPTY"));
        dropTables(empty);
        return empty;
    }

    /**
     * The database without LayerNAS tables, given the tables of today's {@code layernas store init}
     * except {@code table}: a database made before that table was added.
     */
    public static PostgresDatabase emptyDatabaseWithTablesBut(String table) {
        PostgresDatabase empty = emptyDatabase();
        PostgresSchema.create(empty);
        try (Connection connection = empty.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + table);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return empty;
    }

    /**
     * Takes {@code database} away (no new connections, every session ended), as a server restart
     * or a network cut does, or brings it back.
     */
    public static void takeAway(PostgresDatabase database, boolean away) {
        execute("ALTER DATABASE " + database.database() + " WITH ALLOW_CONNECTIONS " + !away);
        if (away) {
            execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database.database()
                    + "'");
        }
    }

    /** Drops the LayerNAS tables of {@code database}. */
    public static void dropTables(PostgresDatabase database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS layernas_task_log, layernas_task_value, layernas_task, layernas_job, layernas_trial_log, layernas_trial_value,"
                    + " layernas_trial, layernas_run, layernas_schema");
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The test database. */
    public static PostgresDatabase database() {
        return database(url());
    }

    /** {@code url} with the process's credentials. */
    public static PostgresDatabase database(String url) {
        return PostgresDatabase.parse(url, "run.store", System.getenv());
    }

    /** The process's environment with some variables replaced (null removes one). */
    public static Map<String, String> environment(String... keysAndValues) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] == null) {
                environment.remove(keysAndValues[i]);
            } else {
                environment.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return environment;
    }

    /** A run id no other test uses. */
    public static String runId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs {@code sql} on the test database (the test role is the server's superuser). */
    public static void execute(String sql) {
        try (Connection connection = database().connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
