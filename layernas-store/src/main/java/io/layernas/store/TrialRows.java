package io.layernas.store;

import io.layernas.api.Architecture;
import io.layernas.api.Metrics;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;

/** A trial as the columns of a row, shared by the stores; numbers go through {@link StoredNumbers}. Stateless. */
final class TrialRows {
    /** The trial's columns, in the order {@link #bind} and {@link #read} use. */
    static final String COLUMNS = "idx, architecture, layer, bucket, cost, status, objective, training_seconds,"
            + " failure, wall_seconds, attempts";
    /** Their definitions, for a CREATE TABLE. */
    static final String DEFINITIONS = "idx INTEGER NOT NULL, architecture TEXT NOT NULL, layer INTEGER NOT NULL,"
            + " bucket INTEGER NOT NULL, cost REAL NOT NULL, status TEXT NOT NULL, objective REAL,"
            + " training_seconds REAL, failure TEXT, wall_seconds REAL NOT NULL, attempts INTEGER NOT NULL";
    /** Placeholders for {@link #COLUMNS}. */
    static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
    /**
     * The side table of the evaluators' log tails ({@link Metrics#log()}), one row per succeeded trial
     * that has one. A table of its own, created if missing, so that stores written before it open,
     * resume and read as they did.
     */
    static final String LOG_TABLE = "trial_log";
    /** How many columns a trial takes. */
    static final int COUNT = 11;

    private TrialRows() {
    }

    /** Binds the trial to the parameters from {@code first} on. */
    static void bind(PreparedStatement insert, int first, Trial trial) throws SQLException {
        insert.setInt(first, trial.index());
        insert.setString(first + 1, trial.architecture().toString());
        insert.setInt(first + 2, trial.layer());
        insert.setInt(first + 3, trial.bucket());
        StoredNumbers.bind(insert, first + 4, trial.cost());
        insert.setString(first + 5, trial.status().name());
        if (trial.succeeded()) {
            StoredNumbers.bind(insert, first + 6, trial.metrics().objective());
            StoredNumbers.bind(insert, first + 7, trial.metrics().trainingSeconds());
        } else {
            insert.setNull(first + 6, Types.REAL);
            insert.setNull(first + 7, Types.REAL);
        }
        insert.setString(first + 8, trial.failure());
        StoredNumbers.bind(insert, first + 9, trial.wallSeconds());
        insert.setInt(first + 10, trial.attempts());
    }

    /** The trial in the columns from {@code first} on, with its named {@code values}. */
    static Trial read(ResultSet row, int first, Map<String, Double> values) throws SQLException {
        return read(row, first, values, null);
    }

    /** The trial in the columns from {@code first} on, with its named {@code values} and its evaluator's log tail. */
    static Trial read(ResultSet row, int first, Map<String, Double> values, String log) throws SQLException {
        TrialStatus status = TrialStatus.valueOf(row.getString(first + 5));
        Metrics metrics = status == TrialStatus.SUCCEEDED ? new Metrics(StoredNumbers.read(row, first + 6),
                StoredNumbers.read(row, first + 7), values, log) : null;
        return new Trial(row.getInt(first), parse(row.getString(first + 1)), row.getInt(first + 2),
                row.getInt(first + 3), StoredNumbers.read(row, first + 4), status, metrics, row.getString(first + 8),
                StoredNumbers.read(row, first + 9), row.getInt(first + 10));
    }

    private static Architecture parse(String text) {
        String[] parts = text.split("-");
        int[] choices = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            choices[i] = Integer.parseInt(parts[i]);
        }
        return Architecture.of(choices);
    }
}
