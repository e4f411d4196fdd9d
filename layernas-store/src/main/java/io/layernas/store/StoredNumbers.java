package io.layernas.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How the stores map a {@code double} to a column and back, non-finite values included. A metric an
 * evaluator reports may be {@code NaN} or infinite (Python's {@code json.dumps} writes {@code NaN});
 * it is stored as such and read back unchanged, never turned into {@code NULL} or refused.
 *
 * <p>SQLite's REAL has no NaN (binding one stores {@code NULL}), so non-finite values are written as
 * their Java text ({@code NaN}, {@code Infinity}, {@code -Infinity}), which SQLite keeps as TEXT in a
 * REAL column. A store whose column type has them natively (PostgreSQL's {@code double precision})
 * binds them directly. Stateless.
 */
public final class StoredNumbers {
    private StoredNumbers() {
    }

    /** Binds {@code value} to parameter {@code index}, non-finite values as text. */
    public static void bind(PreparedStatement statement, int index, double value) throws SQLException {
        if (Double.isFinite(value)) {
            statement.setDouble(index, value);
        } else {
            statement.setString(index, Double.toString(value));
        }
    }

    /** The number in column {@code index}, as {@link #bind} wrote it. */
    public static double read(ResultSet row, int index) throws SQLException {
        Object value = row.getObject(index);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text) {
            return Double.parseDouble(text);
        }
        throw new SQLException("column " + index + " holds " + value + ", not a number");
    }
}
