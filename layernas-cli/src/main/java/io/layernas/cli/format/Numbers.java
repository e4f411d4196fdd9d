package io.layernas.cli.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers for people: 4 significant digits, {@code 5.7e7} for large ones. Stateless. */
public final class Numbers {
    private Numbers() {
    }

    /** {@code 57000000 -> 5.7e7}, {@code 0.91234 -> 0.9123}, {@code 12 -> 12}; infinities as {@code inf}. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(4));
        double magnitude = Math.abs(value);
        if (magnitude >= 1e5 || magnitude < 1e-3) {
            int exponent = rounded.precision() - rounded.scale() - 1;
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            return mantissa.toPlainString() + "e" + exponent;
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** A count: exact below a billion ({@code 32768}), else like {@link #format(double)} ({@code 1.2e39}). */
    public static String count(double value) {
        return value < 1e9 && value == Math.rint(value) ? Long.toString((long) value) : format(value);
    }

    /** With a unit: {@code 5.7e7 MAdds}. */
    public static String format(double value, String unit) {
        return format(value) + " " + unit;
    }

    /** A fixed number of decimals, for tables. */
    public static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
