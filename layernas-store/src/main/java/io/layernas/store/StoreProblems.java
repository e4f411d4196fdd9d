package io.layernas.store;

import io.layernas.api.ConfigurationException;
import java.nio.file.Path;
import java.sql.SQLException;

/** Turns what SQLite reports into messages that say what happened and what to do. Stateless. */
final class StoreProblems {
    /** SQLite's primary result codes for a damaged file, and for a file that is no database. */
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    private StoreProblems() {
    }

    /** Whether {@code e} (or a cause) is SQLite saying the file is damaged or no database. */
    static boolean damaged(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == SQLITE_CORRUPT
                    || sql.getErrorCode() == SQLITE_NOTADB)) {
                return true;
            }
        }
        return false;
    }

    /** The error for a store that cannot be read: damaged, or something else. */
    static ConfigurationException unreadable(Path file, Exception e) {
        if (!damaged(e)) {
            return new ConfigurationException("cannot read the trial store " + file + ": " + e.getMessage()
                    + ". Is it a LayerNAS run directory's trials.db? Move it aside to start afresh.", e);
        }
        Path aside = file.resolveSibling(file.getFileName() + ".damaged");
        return new ConfigurationException("the trial store " + file + " is damaged (SQLite: " + e.getMessage()
                + "), e.g. by a disk error, a full disk or a copy made while a run wrote it; its trials cannot all"
                + " be read. To keep the readable trials (Debian package sqlite3): mv " + file + " " + aside
                + " && sqlite3 " + aside + " .dump | sed 's/^ROLLBACK; -- due to errors$/COMMIT;/' | sqlite3 "
                + file + ", then resume: the trials read back are replayed (a gap is reported with what to keep),"
                + " the rest evaluated again. To start afresh: move " + file + " aside and resume, or choose a new"
                + " output directory.", e);
    }
}
