package io.layernas.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens an SQLite file the way every store here uses it: WAL mode, {@code synchronous=FULL}, so a
 * committed transaction survives {@code kill -9} and power loss. Committed transactions live in the
 * write-ahead log ({@code FILE-wal}) until a checkpoint copies them into the file; whether the log was
 * there before opening tells if a crashed session's last commits were lost with it. Stateless.
 */
final class SqliteFile {
    private SqliteFile() {
    }

    /** The write-ahead log of {@code file}. */
    static Path wal(Path file) {
        return file.resolveSibling(file.getFileName() + "-wal");
    }

    /** Whether {@code file} exists without its write-ahead log; ask before {@link #connect} creates one. */
    static boolean walMissing(Path file) {
        return Files.exists(file) && !Files.exists(wal(file));
    }

    /** A connection to {@code file} (created with its directory if needed), in WAL mode with full sync. */
    static Connection connect(Path file) throws SQLException, IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=FULL");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** Copies the log into the file, so what was committed so far no longer depends on the log. */
    static void checkpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    /** The message for a lost log: {@code remaining} trials survive, later commits are evaluated again. */
    static String lostWal(Path file, long remaining) {
        return "the write-ahead log " + wal(file) + " is missing although the last session did not close the store"
                + " (a crash or kill -9, then the log was deleted or not copied along): trials committed after its last"
                + " checkpoint are lost and will be evaluated again; " + remaining + " stored trials remain."
                + " Copy a run directory only while no run uses it, with every trials.db* file.";
    }

    /** Work on a connection that may fail. */
    interface Work {
        void run() throws SQLException;
    }

    /** Runs {@code work} as one transaction: all of it is committed, or none (rolled back, then rethrown). */
    static void inTransaction(Connection connection, Work work) throws SQLException {
        try {
            connection.setAutoCommit(false);
            work.run();
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // The work already failed; its own exception says why.
            }
            throw e;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // The next transaction sets it again.
            }
        }
    }

    /** Marks the store's session closed cleanly (so a later open can tell a lost log), then closes it. */
    static void close(Path file, Connection connection) {
        try {
            new RunRecord(file, connection).session(false);
        } catch (SQLException ignored) {
            // A store that cannot be written any more is closed all the same.
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing after a crash of the connection: nothing left to flush.
        }
    }
}
