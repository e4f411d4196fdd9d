package io.layernas.store.postgres;

import io.layernas.api.ConfigurationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * One connection to a PostgreSQL database that is opened again after a failure, so that its owner
 * survives a server restart, a failover or a network cut: {@link #run} waits out such an outage for
 * up to {@link #outage()} (with {@link Duration#ZERO}, it only drops the failed connection and leaves
 * waiting to its owner). Not thread-safe: its owner serialises the calls.
 */
final class ResilientConnection implements AutoCloseable {
    /** First pause between two attempts to reach the database; it doubles up to {@link #MAX_PAUSE}. */
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    /** Longest pause between two attempts. */
    static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    /** Work on the connection; {@code retry} is true when an earlier attempt failed on a lost connection. */
    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection, boolean retry) throws SQLException;
    }

    private final PostgresDatabase database;
    private final Duration outage;
    private Connection connection;

    /**
     * Holds {@code first}, already open on {@code database}, or connects on first use when it is
     * {@code null}; retries for up to {@code outage}.
     */
    ResilientConnection(PostgresDatabase database, Connection first, Duration outage) {
        this.database = database;
        this.connection = first;
        this.outage = outage;
    }

    /** How long {@link #run} waits for the database before it gives up. */
    Duration outage() {
        return outage;
    }

    /** The open connection, connecting again when the last one failed. */
    Connection get() throws SQLException {
        if (connection == null) {
            try {
                connection = database.connect();
            } catch (ConfigurationException e) {
                // Its owner was built on a connection that worked (this one, or the run's store): a refusal
                // now is an outage to wait out, not a mistake to fix, so the caller gets the driver's exception.
                throw new SQLTransientConnectionException(e.getMessage(), null, e.getCause());
            }
        }
        return connection;
    }

    /** Closes the connection after a failure (ending its transaction); the next {@link #get} connects again. */
    void drop() {
        Connection broken = connection;
        connection = null;
        if (broken != null) {
            try {
                broken.close();
            } catch (SQLException ignored) {
                // It failed already; nothing is left to flush.
            }
        }
    }

    /**
     * Runs {@code work}; when it fails because the connection was lost or the server cannot be
     * reached, connects again and runs it again (pauses from {@link #FIRST_PAUSE}, doubling to
     * {@link #MAX_PAUSE}) until it succeeds or {@link #outage()} has passed. Other failures are not
     * retried. The connection is dropped after any failure, so a half-done transaction never survives.
     *
     * @throws SQLException the last failure, once the outage lasted too long or was not one
     */
    <T> T run(Work<T> work) throws SQLException {
        long failingSince = -1;
        Duration pause = FIRST_PAUSE;
        boolean retry = false;
        while (true) {
            try {
                return work.on(get(), retry);
            } catch (SQLException e) {
                drop();
                long now = System.nanoTime();
                failingSince = failingSince < 0 ? now : failingSince;
                if (!lostConnection(e) || now - failingSince >= outage.toNanos()) {
                    throw e;
                }
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = nextPause(pause);
                retry = true;
            }
        }
    }

    /** {@link #run} with {@code work} in one transaction: committed when it returns, rolled back (dropped) when it fails. */
    <T> T transaction(Work<T> work) throws SQLException {
        return run((connection, retry) -> {
            connection.setAutoCommit(false);
            T result = work.on(connection, retry);
            connection.commit();
            connection.setAutoCommit(true);
            return result;
        });
    }

    /** The pause after {@code pause}: twice as long, at most {@link #MAX_PAUSE}. */
    static Duration nextPause(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : doubled;
    }

    /**
     * True when {@code e} says the connection is gone or the server cannot be reached (SQL state
     * classes 08 and 57P, a server shutting down or ending the session), not that the statement was wrong.
     */
    static boolean lostConnection(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return e instanceof SQLTransientConnectionException || state.startsWith("08") || state.startsWith("57P");
    }

    @Override
    public void close() {
        drop();
    }
}
