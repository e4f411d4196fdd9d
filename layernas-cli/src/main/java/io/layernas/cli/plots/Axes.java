package io.layernas.cli.plots;

/**
 * The data range a chart's axes cover, with a margin. Immutable.
 *
 * @param xMin left edge
 * @param xMax right edge
 * @param yMin bottom edge
 * @param yMax top edge
 */
public record Axes(double xMin, double xMax, double yMin, double yMax) {
    /** Share of the x axis, from its left end, that a zoomed y axis leaves out of its scale. */
    static final double ZOOM_SKIPS = 0.1;

    /**
     * The range covering every finite point of {@code chart} and the edges of the bands it draws,
     * with 3% margin. With {@link Chart#zoomY()}, the y range covers only the values the series take
     * on the last 90% of the x axis (a step curve's value at the cut included), so the first trials'
     * low values do not squeeze the curves into a line.
     */
    public static Axes of(Chart chart) {
        double[] x = dataX(chart);
        for (Chart.Band band : chart.bands()) {
            if (drawn(band, x)) {
                extend(x, band.from());
                extend(x, band.to());
            }
        }
        double cut = chart.zoomY() && x[0] < x[1] ? x[0] + ZOOM_SKIPS * (x[1] - x[0]) : Double.NEGATIVE_INFINITY;
        double[] y = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Chart.Series series : chart.series()) {
            extendY(y, series, cut);
        }
        return new Axes(padLow(x), padHigh(x), padLow(y), padHigh(y));
    }

    /** True when {@code band} excludes part of the data's x range {@code x}, so drawing it says something. */
    static boolean drawn(Chart.Band band, double[] x) {
        return x[0] > x[1] || band.from() > x[0] || band.to() < x[1];
    }

    /** The x range of the series' finite points: {@code {min, max}}, or {@code {+inf, -inf}} when empty. */
    static double[] dataX(Chart chart) {
        double[] x = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Chart.Series series : chart.series()) {
            for (double value : series.x()) {
                extend(x, value);
            }
        }
        return x;
    }

    private static void extendY(double[] y, Chart.Series series, double cut) {
        int lastBeforeCut = -1;
        for (int i = 0; i < series.x().length; i++) {
            if (series.x()[i] < cut) {
                lastBeforeCut = i;
                continue;
            }
            extendPoint(y, series, i);
        }
        if (lastBeforeCut >= 0 && series.style() != Chart.Style.POINTS) {
            extendPoint(y, series, lastBeforeCut); // the curve's value where the scale begins
        }
    }

    private static void extendPoint(double[] y, Chart.Series series, int i) {
        extend(y, series.y()[i]);
        if (series.hasBand()) {
            extend(y, series.low()[i]);
            extend(y, series.high()[i]);
        }
    }

    private static void extend(double[] range, double value) {
        if (Double.isFinite(value)) {
            range[0] = Math.min(range[0], value);
            range[1] = Math.max(range[1], value);
        }
    }

    private static double padLow(double[] range) {
        if (range[0] > range[1]) {
            return 0;
        }
        double width = range[1] - range[0];
        return range[0] - (width == 0 ? Math.max(Math.abs(range[0]) * 0.05, 0.5) : width * 0.03);
    }

    private static double padHigh(double[] range) {
        if (range[0] > range[1]) {
            return 1;
        }
        double width = range[1] - range[0];
        return range[1] + (width == 0 ? Math.max(Math.abs(range[1]) * 0.05, 0.5) : width * 0.03);
    }
}
