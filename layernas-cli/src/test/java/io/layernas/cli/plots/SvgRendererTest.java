package io.layernas.cli.plots;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgRendererTest {
    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void drawsEachSeriesInItsStyleWithBandsAndALegend() throws Exception {
        Chart chart = new Chart("T <&>", "x", "y", List.of(
                Chart.Series.of("dots", new double[] {1, 2, 3}, new double[] {1, 4, 9}, Chart.Style.POINTS, 0xff0000),
                new Chart.Series("mean", new double[] {1, 2, 3}, new double[] {2, 3, 4}, new double[] {1, 2, 3},
                        new double[] {3, 4, 5}, Chart.Style.LINE, 0x00ff00)),
                List.of(new Chart.Band("target", 1.5, Double.POSITIVE_INFINITY, 0x0000ff)));
        String svg = SvgRenderer.render(chart);
        Document document = parse(svg);
        assertThat(document.getElementsByTagName("circle").getLength()).isEqualTo(3);
        assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(1);
        assertThat(document.getElementsByTagName("polygon").getLength()).isEqualTo(1);
        assertThat(svg).contains("T &lt;&amp;&gt;", ">target<", ">dots<", ">mean<", "fill=\"#0000ff\"");
    }

    @Test
    void pointsLieInsideThePlotAreaHigherValuesHigherUp() throws Exception {
        Chart chart = new Chart("t", "x", "y", List.of(Chart.Series.of("dots", new double[] {0, 50, 100},
                new double[] {0.1, 0.5, 0.9}, Chart.Style.POINTS, 0)), List.of());
        org.w3c.dom.NodeList circles = parse(SvgRenderer.render(chart)).getElementsByTagName("circle");
        double[] cx = new double[3];
        double[] cy = new double[3];
        for (int i = 0; i < 3; i++) {
            org.w3c.dom.Element circle = (org.w3c.dom.Element) circles.item(i);
            cx[i] = Double.parseDouble(circle.getAttribute("cx"));
            cy[i] = Double.parseDouble(circle.getAttribute("cy"));
            assertThat(cx[i]).isBetween(80.0, 780.0);
            assertThat(cy[i]).isBetween(40.0, 440.0);
        }
        assertThat(cx[0]).isLessThan(cx[1]).isLessThan(cx[2]);
        assertThat(cy[0]).isGreaterThan(cy[1]).isGreaterThan(cy[2]);
        assertThat(cx[1]).isCloseTo((cx[0] + cx[2]) / 2, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void axesCoverTheDataAndTicksAreRound() {
        Axes axes = Axes.of(new Chart("t", "x", "y", List.of(Chart.Series.of("s", new double[] {0, 100},
                new double[] {0.5, 0.9}, Chart.Style.LINE, 0)), List.of()));
        assertThat(axes.xMin()).isLessThan(0);
        assertThat(axes.xMax()).isGreaterThan(100);
        assertThat(Axes.ticks(0, 100, 5)).containsExactly(0, 20, 40, 60, 80, 100);
    }

    @Test
    void anEmptyChartStillRenders() throws Exception {
        parse(SvgRenderer.render(new Chart("empty", "x", "y", List.of(), List.of())));
    }
}
