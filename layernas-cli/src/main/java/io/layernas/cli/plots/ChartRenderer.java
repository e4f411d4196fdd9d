package io.layernas.cli.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws a {@link Chart} with JFreeChart: one chart object, exported as PNG ({@link ChartUtils}) and as
 * SVG (JFreeSVG's {@link SVGGraphics2D}), so both files show the same thing. The legend sits below the
 * plot, never on the data. Needs no display ({@code java.awt.headless}). Stateless.
 */
public final class ChartRenderer {
    /** Width and height of both images, in pixels. */
    public static final int WIDTH = 800;
    /** Height of both images, in pixels. */
    public static final int HEIGHT = 500;
    private static final double MARKER_SIZE = 16;

    private ChartRenderer() {
    }

    /** Writes the chart to {@code out} as PNG (the caller writes the file, atomically). */
    public static void writePng(Chart chart, OutputStream out) throws IOException {
        System.setProperty("java.awt.headless", "true");
        ChartUtils.writeChartAsPNG(out, toJFreeChart(chart), WIDTH, HEIGHT);
    }

    /** The chart as a standalone SVG document. */
    public static String svg(Chart chart) {
        System.setProperty("java.awt.headless", "true");
        SVGGraphics2D graphics = new SVGGraphics2D(WIDTH, HEIGHT);
        toJFreeChart(chart).draw(graphics, new Rectangle(0, 0, WIDTH, HEIGHT));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + graphics.getSVGDocument().substring(
                graphics.getSVGDocument().indexOf("<svg")) + "\n";
    }

    /** The chart as a JFreeChart chart. */
    static JFreeChart toJFreeChart(Chart chart) {
        Axes axes = Axes.of(chart);
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(axis(chart.xLabel(), axes.xMin(), axes.xMax()));
        plot.setRangeAxis(axis(chart.yLabel(), axes.yMin(), axes.yMax()));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        double[] dataX = Axes.dataX(chart);
        for (Chart.Band band : chart.bands()) {
            if (Axes.drawn(band, dataX)) {
                IntervalMarker marker = new IntervalMarker(Math.max(band.from(), axes.xMin()),
                        Math.min(band.to(), axes.xMax()), colour(band.colour(), 40));
                marker.setLabel(band.name());
                plot.addDomainMarker(marker, Layer.BACKGROUND);
            }
        }
        for (int i = 0; i < chart.series().size(); i++) {
            add(plot, i, chart.series().get(i));
        }
        JFreeChart jfree = new JFreeChart(chart.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        jfree.getLegend().setPosition(RectangleEdge.BOTTOM);
        if (chart.zoomY()) {
            jfree.addSubtitle(new TextTitle("y axis scaled to the last " + Math.round(100 * (1 - Axes.ZOOM_SKIPS))
                    + "% of the x axis; earlier values may lie below it", new Font(Font.SANS_SERIF, Font.PLAIN, 11)));
        }
        jfree.setBackgroundPaint(Color.WHITE);
        return jfree;
    }

    private static NumberAxis axis(String label, double min, double max) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(min, max);
        axis.setAutoRangeIncludesZero(false);
        return axis;
    }

    private static void add(XYPlot plot, int index, Chart.Series series) {
        if (series.hasBand()) {
            YIntervalSeries data = new YIntervalSeries(series.name());
            for (int i = 0; i < series.x().length; i++) {
                data.add(series.x()[i], series.y()[i], series.low()[i], series.high()[i]);
            }
            DeviationRenderer renderer = new DeviationRenderer(true, false);
            renderer.setSeriesPaint(0, colour(series.colour(), 255));
            renderer.setSeriesFillPaint(0, colour(series.colour(), 255));
            renderer.setAlpha(0.2f);
            renderer.setSeriesStroke(0, new BasicStroke(2f));
            YIntervalSeriesCollection collection = new YIntervalSeriesCollection();
            collection.addSeries(data);
            plot.setDataset(index, collection);
            plot.setRenderer(index, renderer);
            return;
        }
        XYSeries data = new XYSeries(series.name(), false, true);
        for (int i = 0; i < series.x().length; i++) {
            data.add(series.x()[i], series.y()[i]);
        }
        plot.setDataset(index, new XYSeriesCollection(data));
        plot.setRenderer(index, renderer(series));
        if (series.style() == Chart.Style.MARKER) {
            label(plot, series);
        }
    }

    private static XYLineAndShapeRenderer renderer(Chart.Series series) {
        XYLineAndShapeRenderer renderer = switch (series.style()) {
            case STEP -> new XYStepRenderer();
            case LINE -> new XYLineAndShapeRenderer(true, false);
            case POINTS, MARKER -> new XYLineAndShapeRenderer(false, true);
        };
        renderer.setSeriesPaint(0, colour(series.colour(), series.style() == Chart.Style.POINTS ? 160 : 255));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        if (series.style() == Chart.Style.MARKER) {
            renderer.setSeriesShape(0, diamond(MARKER_SIZE));
            renderer.setUseOutlinePaint(true);
            renderer.setSeriesOutlinePaint(0, Color.BLACK);
            renderer.setSeriesOutlineStroke(0, new BasicStroke(2f));
        } else {
            renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        return renderer;
    }

    /** Writes the series' name and value beside each of its points. */
    private static void label(XYPlot plot, Chart.Series series) {
        for (int i = 0; i < series.x().length; i++) {
            XYTextAnnotation text = new XYTextAnnotation(String.format(Locale.ROOT, "  %s: %.4f", series.name(),
                    series.y()[i]), series.x()[i], series.y()[i]);
            text.setTextAnchor(TextAnchor.CENTER_LEFT);
            text.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            plot.addAnnotation(text);
        }
    }

    private static Shape diamond(double size) {
        double h = size / 2;
        Path2D.Double path = new Path2D.Double();
        path.moveTo(0, -h);
        path.lineTo(h, 0);
        path.lineTo(0, h);
        path.lineTo(-h, 0);
        path.closePath();
        return path;
    }

    private static Color colour(int rgb, int alpha) {
        return new Color((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, alpha);
    }
}
