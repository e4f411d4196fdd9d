package io.layernas.cli.plots;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a plot shows, independent of the format it is drawn in: {@link ChartRenderer} draws the
 * same chart as PNG and SVG. Immutable.
 *
 * @param title  the title
 * @param xLabel the x axis label
 * @param yLabel the y axis label
 * @param series the series, drawn in order
 * @param bands  vertical bands (e.g. the target cost range), drawn behind the series; a band that
 *               covers all the data says nothing and is not drawn
 * @param zoomY  scale the y axis to where the series spend the last 90% of the x axis (see
 *               {@link Axes#of}), for curves that start far below where they end
 */
public record Chart(String title, String xLabel, String yLabel, List<Series> series, List<Band> bands,
                   boolean zoomY) {
    public Chart {
        Objects.requireNonNull(title, "title");
        series = List.copyOf(series);
        bands = List.copyOf(bands);
    }

    /** A chart whose axes cover all its data. */
    public Chart(String title, String xLabel, String yLabel, List<Series> series, List<Band> bands) {
        this(title, xLabel, yLabel, series, bands, false);
    }

    /** How a series is drawn. */
    public enum Style {
        /** Straight segments between points. */
        LINE,
        /** Horizontal then vertical segments: a value that holds until the next point. */
        STEP,
        /** Dots only. */
        POINTS,
        /** One highlighted point: a large outlined diamond, labelled with the series name and value. */
        MARKER
    }

    /**
     * A series of points, with an optional shaded band {@code [low, high]} around it.
     *
     * @param name   legend text
     * @param x      x values
     * @param y      y values
     * @param low    lower edge of the band per point, or {@code null}
     * @param high   upper edge of the band per point, or {@code null}
     * @param style  how to draw it
     * @param colour RGB colour, e.g. {@code 0x1f77b4}
     */
    public record Series(String name, double[] x, double[] y, double[] low, double[] high, Style style, int colour) {
        public Series {
            if (x.length != y.length || (low != null && low.length != x.length)
                    || (high != null && high.length != x.length)) {
                throw new IllegalArgumentException("series '" + name + "': x, y, low and high must be equally long");
            }
            x = x.clone();
            y = y.clone();
            low = low == null ? null : low.clone();
            high = high == null ? null : high.clone();
        }

        /** A series without a band. */
        public static Series of(String name, double[] x, double[] y, Style style, int colour) {
            return new Series(name, x, y, null, null, style, colour);
        }

        /** True when it has a band. */
        public boolean hasBand() {
            return low != null && high != null;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Series s && name.equals(s.name) && Arrays.equals(x, s.x) && Arrays.equals(y, s.y);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(y));
        }

        @Override
        public String toString() {
            return "Series[" + name + ", " + x.length + " points]";
        }
    }

    /**
     * A vertical band {@code [from, to]} on the x axis; infinite ends are clipped to the data.
     *
     * @param name   legend text
     * @param from   left edge
     * @param to     right edge
     * @param colour RGB colour
     */
    public record Band(String name, double from, double to, int colour) {
    }

    /** The palette: colour-blind-safe (Okabe-Ito). */
    public static final int[] PALETTE =
            {0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0xF0E442, 0x000000};
}
