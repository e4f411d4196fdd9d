package io.layernas.cli.plots;

import io.layernas.cli.results.AtomicFile;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Draws a {@link Chart} as a PNG with JFreeChart. Needs no display ({@code java.awt.headless}). Stateless. */
public final class PngRenderer {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;

    private PngRenderer() {
    }

    /** Writes the chart to {@code file}, atomically. */
    public static void write(Chart chart, Path file) {
        System.setProperty("java.awt.headless", "true");
        JFreeChart drawn = toJFreeChart(chart);
        AtomicFile.write(file, out -> ChartUtils.writeChartAsPNG(out, drawn, WIDTH, HEIGHT));
    }

    /** The chart as a JFreeChart chart. */
    static JFreeChart toJFreeChart(Chart chart) {
        Axes axes = Axes.of(chart);
        NumberAxis x = new NumberAxis(chart.xLabel());
        NumberAxis y = new NumberAxis(chart.yLabel());
        x.setRange(axes.xMin(), axes.xMax());
        y.setRange(axes.yMin(), axes.yMax());
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (Chart.Band band : chart.bands()) {
            IntervalMarker marker = new IntervalMarker(Math.max(band.from(), axes.xMin()),
                    Math.min(band.to(), axes.xMax()), colour(band.colour(), 40));
            marker.setLabel(band.name());
            plot.addDomainMarker(marker, Layer.BACKGROUND);
        }
        for (int i = 0; i < chart.series().size(); i++) {
            add(plot, i, chart.series().get(i));
        }
        JFreeChart jfree = new JFreeChart(chart.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        jfree.setBackgroundPaint(Color.WHITE);
        return jfree;
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
            plot.setDataset(index, new YIntervalSeriesCollection());
            ((YIntervalSeriesCollection) plot.getDataset(index)).addSeries(data);
            plot.setRenderer(index, renderer);
            return;
        }
        XYSeries data = new XYSeries(series.name(), false, true);
        for (int i = 0; i < series.x().length; i++) {
            data.add(series.x()[i], series.y()[i]);
        }
        plot.setDataset(index, new XYSeriesCollection(data));
        plot.setRenderer(index, renderer(series));
    }

    private static XYLineAndShapeRenderer renderer(Chart.Series series) {
        XYLineAndShapeRenderer renderer = switch (series.style()) {
            case STEP -> new XYStepRenderer();
            case LINE -> new XYLineAndShapeRenderer(true, false);
            case POINTS -> new XYLineAndShapeRenderer(false, true);
        };
        renderer.setSeriesPaint(0, colour(series.colour(), series.style() == Chart.Style.POINTS ? 160 : 255));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        return renderer;
    }

    private static Color colour(int rgb, int alpha) {
        return new Color((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF, alpha);
    }
}
