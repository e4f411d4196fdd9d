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
    private static final String COLUMNS = TrialRows.COLUMNS;
    /** Succeeded with a finite objective: what can be ranked (a NaN objective is stored as text). */
    private static final String RANKABLE = " status = 'SUCCEEDED' AND typeof(objective) <> 'text'";
    /** The fields of each trial of {@link #afterAsJson}, in order; {@code succeeded} is 1 or 0. */
    public static final List<String> JSON_COLUMNS = List.of("index", "layer", "bucket", "cost", "succeeded",
            "objective", "trainingSeconds", "wallSeconds", "attempts", "architecture", "failure");
    private final Path file;
    private final Connection connection;
    private boolean hasLogTable;

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

    /** The trial with {@code index}, with all its metric values and its evaluator's log tail. */
    public synchronized Optional<Trial> trial(int index) {
        List<Trial> found = query("SELECT " + COLUMNS + " FROM trial WHERE idx = ?", List.of(index),
                row -> TrialRows.read(row, 1, values(index), log(index)));
        return found.stream().findFirst();
    }

    /** The succeeded trial with the highest objective whose cost is in {@code [low, high]}. */
    public synchronized Optional<Trial> best(double low, double high) {
        return trials("SELECT " + COLUMNS + " FROM trial WHERE" + RANKABLE + " AND cost >= ? AND cost <= ?"
                + " ORDER BY objective DESC, idx LIMIT 1", low, high).stream().findFirst();
    }

    /** The trial of {@code architecture} (the store's text form, e.g. {@code 0-3-1}); a store holds each once. */
    public synchronized Optional<Trial> find(String architecture) {
        return trials("SELECT " + COLUMNS + " FROM trial WHERE architecture = ?", architecture).stream()
                .findFirst();
    }

    /**
     * What tells the trial at {@code index} from another one stored at that index later (a resumed run
     * that evaluated it again): its architecture and wall seconds; null when there is no such trial.
     */
    public synchronized String signature(int index) {
        List<String> found = query("SELECT architecture || ' ' || quote(wall_seconds) FROM trial WHERE idx = ?",
                List.of(index), row -> row.getString(1));
        return found.isEmpty() ? null : found.get(0);
    }

    /** The highest stored trial index, or -1 for an empty store. */
    public synchronized int lastIndex() {
        return (int) number("SELECT COALESCE(MAX(idx), -1) FROM trial");
    }

    /**
     * Up to {@code limit} trials with an index above {@code index}, in index order, as the text of a
     * JSON array with one array per trial whose fields follow {@link #JSON_COLUMNS}. SQLite writes
     * the JSON itself: 100,000 trials cost one string across JNI instead of a million column reads.
     */
    public synchronized JsonPage afterAsJson(int index, int limit) {
        return query("SELECT COALESCE(json_group_array(json_array(idx, layer, bucket, " + finite("cost")
                + ", status = 'SUCCEEDED', " + finite("objective") + ", " + finite("training_seconds") + ", "
                + finite("wall_seconds") + ", attempts, architecture, failure)), '[]'), COUNT(*),"
                + " COALESCE(MAX(idx), ?) FROM (SELECT * FROM trial WHERE idx > ? ORDER BY idx LIMIT ?)",
                List.of(index, index, limit), row -> new JsonPage(row.getString(1), row.getInt(2), row.getInt(3)))
                .get(0);
    }

    /**
     * Trials as JSON.
     *
     * @param rows  the JSON array of trials
     * @param count how many
     * @param last  the highest index among them (the index asked after when there are none)
     */
    public record JsonPage(String rows, int count, int last) {
    }

    /**
     * The buckets the trials were generated in, per layer: how many trials, their cost range and
     * the {@code k} with the highest objective. Trials of strategies without layers (layer -1) are
     * left out.
     */
    public List<Bucket> buckets(int k) {
        return delta(-1, Integer.MAX_VALUE, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, k).buckets();
    }

    /**
     * What the trials with an index in {@code (after, upTo]} add to a run's tally: their counts, the
     * best of them in {@code [low, high]}, and their buckets with the k best of each. Computed by
     * SQLite, so only the answer crosses into Java.
     */
    public synchronized Delta delta(int after, int upTo, double low, double high, int k) {
        List<Object> range = List.of(after, upTo);
        String where = " WHERE idx > ? AND idx <= ?";
        long[] counts = query("SELECT COUNT(*), COALESCE(SUM(status = 'SUCCEEDED'), 0) FROM trial" + where, range,
                row -> new long[] {row.getLong(1), row.getLong(2)}).get(0);
        Optional<Trial> best = trials("SELECT " + COLUMNS + " FROM trial" + where + " AND" + RANKABLE
                + " AND cost >= ? AND cost <= ? ORDER BY objective DESC, idx LIMIT 1", after, upTo, low, high)
                .stream().findFirst();
        Map<List<Integer>, List<Trial>> kept = new HashMap<>();
        for (Trial trial : trials("SELECT " + COLUMNS + " FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY layer,"
                + " bucket ORDER BY objective DESC, idx) AS position FROM trial" + where + " AND" + RANKABLE
                + " AND layer >= 0) WHERE position <= ? ORDER BY layer, bucket, position", after, upTo, k)) {
            kept.computeIfAbsent(List.of(trial.layer(), trial.bucket()), key -> new ArrayList<>()).add(trial);
        }
        List<Bucket> buckets = query("SELECT layer, bucket, COUNT(*), SUM(status = 'SUCCEEDED'), MIN(" + finite("cost")
                + "), MAX(" + finite("cost") + ")"
                + " FROM trial" + where + " AND layer >= 0 GROUP BY layer, bucket ORDER BY layer, bucket", range,
                row -> new Bucket(row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4), row.getDouble(5),
                        row.getDouble(6), kept.getOrDefault(List.of(row.getInt(1), row.getInt(2)), List.of())));
        return new Delta((int) counts[0], (int) counts[1], best, buckets);
    }

    /**
     * What a range of trials adds to a tally.
     *
     * @param count     trials in the range
     * @param succeeded of which succeeded
     * @param best      the best of them in the target
     * @param buckets   their buckets, each with the k best of the range
     */
    public record Delta(int count, int succeeded, Optional<Trial> best, List<Bucket> buckets) {
        public Delta {
            buckets = List.copyOf(buckets);
        }
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

    /** The column, or NULL where it holds a non-finite number (stored as text, see {@link StoredNumbers}). */
    private static String finite(String column) {
        return "(CASE typeof(" + column + ") WHEN 'text' THEN NULL ELSE " + column + " END)";
    }

    private Map<String, Double> values(int index) throws SQLException {
        Map<String, Double> values = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT key, value FROM trial_value WHERE idx = ?")) {
            query.setInt(1, index);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    values.put(row.getString(1), StoredNumbers.read(row, 2));
                }
            }
        }
        return values;
    }

    /** The log tail of trial {@code index}; none in a store written before logs were kept (no such table). */
    private String log(int index) throws SQLException {
        if (!hasLogTable()) {
            return null;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT log FROM " + TrialRows.LOG_TABLE
                + " WHERE idx = ?")) {
            query.setInt(1, index);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** Asked each time until found: a run resumed by a newer version adds the table to an older store. */
    private boolean hasLogTable() throws SQLException {
        if (!hasLogTable) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
                query.setString(1, TrialRows.LOG_TABLE);
                try (ResultSet row = query.executeQuery()) {
                    hasLogTable = row.next();
                }
            }
        }
        return hasLogTable;
    }

    private List<Trial> trials(String sql, Object... parameters) {
        return query(sql, List.of(parameters), row -> TrialRows.read(row, 1, Map.of()));
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
