package io.layernas.store;

import io.layernas.api.ConfigurationException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code run} table of a store file: key-value facts about the run the trials belong to (schema
 * version, fingerprint, data checksums, whether a session has it open). Used under the store's lock.
 */
final class RunRecord {
    private static final String DATA_PREFIX = "sha256:";
    private static final String SESSION = "session";
    private final Path file;
    private final Connection connection;

    RunRecord(Path file, Connection connection) throws SQLException {
        this.file = file;
        this.connection = connection;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS run (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        }
    }

    /** Records {@code identity}, or checks it against what is recorded. */
    void checkOrRecord(String schemaVersion, RunIdentity identity) throws SQLException {
        checkOrRecord("schema", schemaVersion, "schema version");
        checkOrRecord("fingerprint", identity.fingerprint(), "run fingerprint (configuration and seed)");
        for (Map.Entry<String, String> data : identity.dataFiles().entrySet()) {
            Optional<String> stored = get(DATA_PREFIX + data.getKey());
            if (stored.isPresent() && !stored.get().equals(data.getValue()) && !identity.acceptChangedData()) {
                throw new ConfigurationException("the data file " + data.getKey() + " changed since this run stored"
                        + " its trials in " + file + ": its SHA-256 was " + stored.get() + ", it is now "
                        + data.getValue() + ". Resuming would mix trials judged on both versions. Restore the file,"
                        + " start a new output directory, or resume with --accept-changed-data to keep the stored"
                        + " trials anyway.");
            }
            put(DATA_PREFIX + data.getKey(), data.getValue());
        }
    }

    private void checkOrRecord(String key, String value, String what) throws SQLException {
        Optional<String> stored = get(key);
        if (stored.isEmpty()) {
            put(key, value);
        } else if (!stored.get().equals(value)) {
            throw new ConfigurationException("the trial store " + file + " belongs to another run: its " + what
                    + " is " + abbreviate(stored.get()) + ", this run's is " + abbreviate(value)
                    + ". Resume with the same configuration and seed, or choose a new output directory.");
        }
    }

    /** Whether the last session to open the store ended without closing it (a crash or kill). */
    boolean lastSessionUnclosed() throws SQLException {
        return get(SESSION).map("open"::equals).orElse(false);
    }

    /** Marks the store open (true) or cleanly closed (false). */
    void session(boolean open) throws SQLException {
        put(SESSION, open ? "open" : "closed");
    }

    private Optional<String> get(String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT value FROM run WHERE key = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    private void put(String key, String value) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO run (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            upsert.setString(1, key);
            upsert.setString(2, value);
            upsert.executeUpdate();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 16 ? text : text.substring(0, 16) + "…";
    }
}
