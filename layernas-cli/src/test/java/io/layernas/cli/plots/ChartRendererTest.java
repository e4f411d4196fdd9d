package io.layernas.cli.plots;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The rendered SVG's scale and elements: what a reader of the plot sees. */
class ChartRendererTest {
    @TempDir
    Path directory;

    /** A text element of the SVG: its content and position. */
    private record Text(String content, double x, double y) {
    }

    private static List<Text> texts(String svg) throws Exception {
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getElementsByTagName("text");
        List<Text> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element text = (Element) nodes.item(i);
            texts.add(new Text(text.getTextContent().trim(), Double.parseDouble(text.getAttribute("x")),
                    Double.parseDouble(text.getAttribute("y"))));
        }
        return texts;
    }

    /** The y axis tick labels: numbers written at the left edge. */
    private static List<Double> yTicks(List<Text> texts) {
        return texts.stream().filter(t -> t.x() < 55 && t.content().matches("-?[0-9.]+"))
                .map(t -> Double.parseDouble(t.content())).toList();
    }

    /** Three best-so-far curves that start near 0.1 and spend the run between 0.90 and 0.93. */
    private static Chart comparison(boolean zoom) {
        List<Chart.Series> series = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            double[] x = new double[50];
            double[] y = new double[50];
            double[] low = new double[50];
            double[] high = new double[50];
            for (int i = 0; i < 50; i++) {
                x[i] = 2 * i + 1;
                y[i] = i == 0 ? 0.1 : 0.90 + 0.0005 * i + 0.003 * s;
                low[i] = y[i] - (i == 0 ? 0.05 : 0.002);
                high[i] = y[i] + 0.002;
            }
            series.add(new Chart.Series("strategy " + s, x, y, low, high, Chart.Style.LINE, Chart.PALETTE[s]));
        }
        return new Chart("Best objective so far", "trials", "best objective", series, List.of(), zoom);
    }

    @Test
    void aZoomedYAxisSpansWhereTheCurvesSpendTheirTimeNotTheFirstTrials() throws Exception {
        List<Double> zoomed = yTicks(texts(ChartRenderer.svg(comparison(true))));
        List<Double> full = yTicks(texts(ChartRenderer.svg(comparison(false))));
        assertThat(full).as("unzoomed, the first trials stretch the axis").anyMatch(v -> v <= 0.2);
        assertThat(zoomed).hasSizeGreaterThanOrEqualTo(3).allMatch(v -> v >= 0.89 && v <= 0.95);
        assertThat(ChartRenderer.svg(comparison(true))).contains("y axis scaled to the last 90% of the x axis");
    }

    @Test
    void theLegendSitsBelowThePlotNotOnTheData() throws Exception {
        List<Text> texts = texts(ChartRenderer.svg(comparison(true)));
        double lowestTick = texts.stream().filter(t -> t.x() < 55 && t.content().matches("[0-9.]+"))
                .mapToDouble(Text::y).max().orElseThrow();
        double axisLabel = texts.stream().filter(t -> t.content().equals("trials")).mapToDouble(Text::y).max()
                .orElseThrow();
        List<Text> legend = texts.stream().filter(t -> t.content().startsWith("strategy ")).toList();
        assertThat(legend).hasSize(3).allMatch(t -> t.y() > lowestTick && t.y() > axisLabel);
    }

    @Test
    void aTargetBandThatCoversAllTheDataIsNotDrawnAndANarrowOneIs() throws Exception {
        Chart.Series points = Chart.Series.of("trials", new double[] {5, 50, 200}, new double[] {0.5, 0.7, 0.9},
                Chart.Style.POINTS, 0);
        Chart unbounded = new Chart("c", "cost", "objective", List.of(points),
                List.of(new Chart.Band("target", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0x00ff00)));
        Chart fromZero = new Chart("c", "cost", "objective", List.of(points),
                List.of(new Chart.Band("target", 0, Double.POSITIVE_INFINITY, 0x00ff00)));
        Chart narrow = new Chart("c", "cost", "objective", List.of(points),
                List.of(new Chart.Band("target", 40, 60, 0x00ff00)));
        assertThat(texts(ChartRenderer.svg(unbounded))).noneMatch(t -> t.content().equals("target"));
        assertThat(texts(ChartRenderer.svg(fromZero))).noneMatch(t -> t.content().equals("target"));
        assertThat(texts(ChartRenderer.svg(narrow))).anyMatch(t -> t.content().equals("target"));
        assertThat(Axes.of(fromZero).xMin()).as("an undrawn band does not stretch the axis").isGreaterThan(-1);
    }

    @Test
    void theBestInTargetMarkerIsLargeAndLabelledWithItsValue() throws Exception {
        Chart chart = new Chart("c", "cost", "objective", List.of(
                Chart.Series.of("trials", new double[] {5, 50, 200}, new double[] {0.5, 0.7, 0.9}, Chart.Style.POINTS, 0),
                Chart.Series.of("best in target", new double[] {50}, new double[] {0.7}, Chart.Style.MARKER,
                        Chart.PALETTE[1])), List.of());
        String svg = ChartRenderer.svg(chart);
        assertThat(texts(svg)).anyMatch(t -> t.content().equals("best in target: 0.7000"));
        java.util.regex.Matcher diamonds = java.util.regex.Pattern.compile(
                "<path d='M([0-9.]+),([0-9.]+)L([0-9.]+),([0-9.]+)L[0-9.]+,([0-9.]+)L[0-9.]+,[0-9.]+Z'/>").matcher(svg);
        int large = 0;
        while (diamonds.find()) {
            double height = Double.parseDouble(diamonds.group(5)) - Double.parseDouble(diamonds.group(2));
            large += height >= 16 ? 1 : 0;
        }
        assertThat(large).as("16-pixel diamonds, filled and outlined, in the plot and the legend").isGreaterThanOrEqualTo(4);
        assertThat(svg).contains("stroke-width:2.0;stroke:rgb(0,0,0)");
    }

    @Test
    void theSameChartIsWrittenAsAPngOfTheSameSize() throws Exception {
        Path png = directory.resolve("c.png");
        try (var out = java.nio.file.Files.newOutputStream(png)) {
            ChartRenderer.writePng(comparison(true), out);
        }
        var image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(ChartRenderer.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ChartRenderer.HEIGHT);
        assertThat(ChartRenderer.svg(comparison(true))).contains("width='" + ChartRenderer.WIDTH + ".0'");
    }
}
