package io.layernas.cli.plots;

import io.layernas.cli.config.Numbers;
import java.util.Locale;

/**
 * Draws a {@link Chart} as a self-contained SVG document (lines, dots, shaded bands, axes with
 * ticks, a legend), written by hand so that no graphics library is needed. Stateless.
 */
public final class SvgRenderer {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;
    private static final int LEFT = 80;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    private SvgRenderer() {
    }

    /** The chart as an SVG document. */
    public static String render(Chart chart) {
        Axes axes = Axes.of(chart);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        text(svg, WIDTH / 2.0, 24, "middle", 16, chart.title());
        for (Chart.Band band : chart.bands()) {
            band(svg, axes, band);
        }
        grid(svg, axes, chart);
        for (Chart.Series series : chart.series()) {
            series(svg, axes, series);
        }
        legend(svg, chart);
        return svg.append("</svg>\n").toString();
    }

    private static double px(Axes axes, double x) {
        return LEFT + (x - axes.xMin()) / (axes.xMax() - axes.xMin()) * (WIDTH - LEFT - RIGHT);
    }

    private static double py(Axes axes, double y) {
        return HEIGHT - BOTTOM - (y - axes.yMin()) / (axes.yMax() - axes.yMin()) * (HEIGHT - TOP - BOTTOM);
    }

    private static void band(StringBuilder svg, Axes axes, Chart.Band band) {
        double from = px(axes, Math.max(band.from(), axes.xMin()));
        double to = px(axes, Math.min(band.to(), axes.xMax()));
        if (to > from) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" "
                    + "fill-opacity=\"0.15\"><title>%s</title></rect>\n", from, TOP, to - from, HEIGHT - TOP - BOTTOM,
                    colour(band.colour()), escape(band.name())));
        }
    }

    private static void grid(StringBuilder svg, Axes axes, Chart chart) {
        int bottom = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#444\"/>\n", LEFT, TOP, WIDTH - LEFT - RIGHT, bottom - TOP));
        for (double tick : Axes.ticks(axes.xMin(), axes.xMax(), 8)) {
            double x = px(axes, tick);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
                    + "stroke=\"#ddd\"/>\n", x, TOP, x, bottom));
            text(svg, x, bottom + 16, "middle", 11, Numbers.format(tick));
        }
        for (double tick : Axes.ticks(axes.yMin(), axes.yMax(), 6)) {
            double y = py(axes, tick);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
                    + "stroke=\"#ddd\"/>\n", LEFT, y, WIDTH - RIGHT, y));
            text(svg, LEFT - 6, y + 4, "end", 11, Numbers.format(tick));
        }
        text(svg, (LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 18, "middle", 13, chart.xLabel());
        svg.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"13\" "
                + "transform=\"rotate(-90 18 %.1f)\">%s</text>\n", (TOP + bottom) / 2.0, (TOP + bottom) / 2.0,
                escape(chart.yLabel())));
    }

    private static void series(StringBuilder svg, Axes axes, Chart.Series series) {
        String colour = colour(series.colour());
        if (series.hasBand() && series.x().length > 0) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < series.x().length; i++) {
                points.append(point(axes, series.x()[i], series.high()[i]));
            }
            for (int i = series.x().length - 1; i >= 0; i--) {
                points.append(point(axes, series.x()[i], series.low()[i]));
            }
            svg.append("<polygon points=\"").append(points.toString().trim()).append("\" fill=\"").append(colour)
                    .append("\" fill-opacity=\"0.2\" stroke=\"none\"/>\n");
        }
        if (series.style() == Chart.Style.POINTS) {
            for (int i = 0; i < series.x().length; i++) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\" "
                        + "fill-opacity=\"0.6\"/>\n", px(axes, series.x()[i]), py(axes, series.y()[i]), colour));
            }
            return;
        }
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < series.x().length; i++) {
            if (series.style() == Chart.Style.STEP && i > 0) {
                points.append(point(axes, series.x()[i], series.y()[i - 1]));
            }
            points.append(point(axes, series.x()[i], series.y()[i]));
        }
        svg.append("<polyline points=\"").append(points.toString().trim()).append("\" fill=\"none\" stroke=\"")
                .append(colour).append("\" stroke-width=\"2\"/>\n");
    }

    private static String point(Axes axes, double x, double y) {
        return String.format(Locale.ROOT, "%.1f,%.1f ", px(axes, x), py(axes, y));
    }

    /** Bottom right, where rising curves leave room. */
    private static void legend(StringBuilder svg, Chart chart) {
        int entries = chart.bands().size() + chart.series().size();
        double y = HEIGHT - BOTTOM - 10 - 16.0 * (entries - 1);
        int left = WIDTH - RIGHT - 240;
        for (Chart.Band band : chart.bands()) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"14\" height=\"10\" fill=\"%s\" "
                    + "fill-opacity=\"0.3\"/>\n", left, y - 9, colour(band.colour())));
            text(svg, left + 20, y, "start", 12, band.name());
            y += 16;
        }
        for (Chart.Series series : chart.series()) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"14\" height=\"4\" fill=\"%s\"/>\n",
                    LEFT + 10, y - 6, colour(series.colour())));
            text(svg, LEFT + 30, y, "start", 12, series.name());
            y += 16;
        }
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, int size, String text) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">"
                + "%s</text>\n", x, y, anchor, size, escape(text)));
    }

    private static String colour(int rgb) {
        return String.format("#%06x", rgb & 0xFFFFFF);
    }

    /** Escapes text for XML. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
