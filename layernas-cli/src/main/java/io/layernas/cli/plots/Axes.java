package io.layernas.cli.plots;

/**
 * The data range a chart's axes cover, with a margin, and "nice" tick positions. Immutable.
 *
 * @param xMin left edge
 * @param xMax right edge
 * @param yMin bottom edge
 * @param yMax top edge
 */
public record Axes(double xMin, double xMax, double yMin, double yMax) {

    /** The range covering every finite point and band edge of {@code chart}, with 3% margin. */
    public static Axes of(Chart chart) {
        double[] x = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] y = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Chart.Series series : chart.series()) {
            for (int i = 0; i < series.x().length; i++) {
                extend(x, series.x()[i]);
                extend(y, series.y()[i]);
                if (series.hasBand()) {
                    extend(y, series.low()[i]);
                    extend(y, series.high()[i]);
                }
            }
        }
        for (Chart.Band band : chart.bands()) {
            extend(x, band.from());
            extend(x, band.to());
        }
        return new Axes(padLow(x), padHigh(x), padLow(y), padHigh(y));
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

    /** About {@code count} round tick values inside {@code [min, max]}. */
    public static double[] ticks(double min, double max, int count) {
        double step = niceStep((max - min) / Math.max(1, count));
        double first = Math.ceil(min / step) * step;
        int n = (int) Math.floor((max - first) / step + 1e-9) + 1;
        double[] ticks = new double[Math.max(0, n)];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = first + i * step;
        }
        return ticks;
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
