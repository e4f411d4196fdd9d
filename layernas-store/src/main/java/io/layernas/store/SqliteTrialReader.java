package io.layernas.store;

import io.layernas.api.Trial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Reads a {@link SqliteTrialStore}'s file without ever writing to it, beside the run that writes
 * it (WAL mode lets a reader see every committed trial while the writer goes on). Each query reads
 * only what it returns, so a reader of a store with 100,000 trials holds none of them in memory.
 *
 * <p>Thread-safe: queries are serialised on the one read-only connection.
 */
public final class SqliteTrialReader implements AutoCloseable {
    private static final String COLUMNS = "idx, architecture, layer, bucket, cost, status, objective,"
            + " training_seconds, failure, wall_seconds, attempts";
    private final Path file;
    private final Connection connection;

    private SqliteTrialReader(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens {@code file} read-only.
     *
     * @throws IllegalStateException when it is missing or is not a trial store
     */
    public static SqliteTrialReader open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no trial store at " + file);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setBusyTimeout(2000);
        try {
            Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            SqliteTrialReader reader = new SqliteTrialReader(file, connection);
            reader.count();
            return reader;
        } catch (SQLException | IllegalStateException e) {
            throw new IllegalStateException("cannot read the trial store " + file + ": " + e.getMessage()
                    + ". Is it a LayerNAS run directory's trials.db?", e);
        }
    }

    /** Number of stored trials. */
    public synchronized int count() {
        return (int) number("SELECT COUNT(*) FROM trial");
    }

    /** Number of stored trials that succeeded. */
    public synchronized int succeeded() {
        return (int) number("SELECT COUNT(*) FROM trial WHERE status = 'SUCCEEDED'");
    }

    /**
     * Up to {@code limit} trials with an index above {@code index}, in index order; their metrics
     * carry the objective and training seconds but not the other values (see {@link #trial}).
     */
    public synchronized List<Trial> after(int index, int limit) {
        return trials("SELECT " + COLUMNS + " FROM trial WHERE idx > ? ORDER BY idx LIMIT ?", index, limit);
    }

    /** The trial with {@code index}, with all its metric values. */
    public synchronized Optional<Trial> trial(int index) {
        List<Trial> found = query("SELECT " + COLUMNS + " FROM trial WHERE idx = ?", List.of(index),
                row -> SqliteTrialStore.trial(row, values(index)));
        return found.stream().findFirst();
    }

    /** The succeeded trial with the highest objective whose cost is in {@code [low, high]}. */
    public synchronized Optional<Trial> best(double low, double high) {
        return trials("SELECT " + COLUMNS + " FROM trial WHERE status = 'SUCCEEDED' AND cost >= ? AND cost <= ?"
                + " ORDER BY objective DESC, idx LIMIT 1", low, high).stream().findFirst();
    }

    /** The trial of {@code architecture} (the store's text form, e.g. {@code 0-3-1}); a store holds each once. */
    public synchronized Optional<Trial> find(String architecture) {
        return trials("SELECT " + COLUMNS + " FROM trial WHERE architecture = ?", architecture).stream()
                .findFirst();
    }

    /**
     * The buckets the trials were generated in, per layer: how many trials, their cost range and
     * the {@code k} with the highest objective. Trials of strategies without layers (layer -1) are
     * left out.
     */
    public synchronized List<Bucket> buckets(int k) {
        Map<List<Integer>, List<Trial>> best = new HashMap<>();
        for (Trial trial : trials("SELECT " + COLUMNS + " FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY layer,"
                + " bucket ORDER BY objective DESC, idx) AS position FROM trial WHERE status = 'SUCCEEDED' AND layer >= 0)"
                + " WHERE position <= ? ORDER BY layer, bucket, position", k)) {
            best.computeIfAbsent(List.of(trial.layer(), trial.bucket()), key -> new ArrayList<>()).add(trial);
        }
        return query("SELECT layer, bucket, COUNT(*), SUM(status = 'SUCCEEDED'), MIN(cost), MAX(cost) FROM trial"
                + " WHERE layer >= 0 GROUP BY layer, bucket ORDER BY layer, bucket", List.of(),
                row -> new Bucket(row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4), row.getDouble(5),
                        row.getDouble(6), best.getOrDefault(List.of(row.getInt(1), row.getInt(2)), List.of())));
    }

    /**
     * One bucket of one layer, as the stored trials show it.
     *
     * @param layer     the layer being searched
     * @param bucket    the cost bucket (Eq. 4)
     * @param trials    trials generated in it
     * @param succeeded of which succeeded
     * @param minCost   lowest cost among them, in the cost model's unit
     * @param maxCost   highest cost among them
     * @param best      up to k succeeded trials with the highest objective, best first
     */
    public record Bucket(int layer, int bucket, int trials, int succeeded, double minCost, double maxCost,
                         List<Trial> best) {
        public Bucket {
            best = List.copyOf(best);
        }
    }

    private Map<String, Double> values(int index) throws SQLException {
        Map<String, Double> values = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT key, value FROM trial_value WHERE idx = ?")) {
            query.setInt(1, index);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    values.put(row.getString(1), row.getDouble(2));
                }
            }
        }
        return values;
    }

    private List<Trial> trials(String sql, Object... parameters) {
        return query(sql, List.of(parameters), row -> SqliteTrialStore.trial(row, Map.of()));
    }

    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> parameters, RowMapper<T> mapper) {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(mapper.map(row));
                }
            }
            return rows;
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException("the trial store " + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    private long number(String sql) {
        return query(sql, List.of(), row -> row.getLong(1)).get(0);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Read-only: nothing to flush.
        }
    }
}
