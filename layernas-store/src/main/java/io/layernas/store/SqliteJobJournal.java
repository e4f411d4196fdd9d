package io.layernas.store;

import io.layernas.api.JobJournal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@link JobJournal} of a {@link SqliteTrialStore}: an executor's job ids in the store's {@code job}
 * table, as durable as its trials. Serialised on the store, which owns the connection.
 */
final class SqliteJobJournal implements JobJournal {
    private final Object store;
    private final Path file;
    private final Connection connection;

    SqliteJobJournal(Object store, Path file, Connection connection) {
        this.store = store;
        this.file = file;
        this.connection = connection;
    }

    @Override
    public Optional<String> find(String key) {
        return Optional.ofNullable(all().get(key));
    }

    @Override
    public Map<String, String> all() {
        synchronized (store) {
            Map<String, String> jobs = new TreeMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("SELECT key, job_id FROM job")) {
                while (row.next()) {
                    jobs.put(row.getString(1), row.getString(2));
                }
            } catch (SQLException e) {
                throw StoreProblems.unreadable(file, e);
            }
            return jobs;
        }
    }

    @Override
    public void record(String key, String jobId) {
        synchronized (store) {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO job (key, job_id) VALUES (?, ?)"
                    + " ON CONFLICT (key) DO UPDATE SET job_id = excluded.job_id")) {
                upsert.setString(1, key);
                upsert.setString(2, jobId);
                upsert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot record job " + jobId + " in " + file + ": " + e.getMessage()
                        + ". Check free disk space and permissions.", e);
            }
        }
    }
}
