package io.layernas.cli.results;

import io.layernas.cli.plots.Chart;
import io.layernas.core.compare.Axis;
import io.layernas.core.compare.ComparisonCsv;
import io.layernas.core.compare.ComparisonResult;
import io.layernas.core.compare.Curve;
import io.layernas.core.compare.Metric;
import io.layernas.core.compare.SummaryRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a comparison's files: summary.csv, curves.csv and runs.csv (core's
 * {@link ComparisonCsv}), summary.md, the curves as PNG and SVG (mean line and 25-75% band per
 * strategy) and index.html (docs/results.md), each atomically ({@link AtomicFile}). Stateless.
 */
public final class CompareReport {
    /** The plot of validation (objective) curves, without extension. */
    public static final String VALID_PLOT = "compare-valid";
    /** The plot of test-accuracy curves, without extension; written when the evaluator reports test accuracy. */
    public static final String TEST_PLOT = "compare-test";

    private CompareReport() {
    }

    /**
     * Writes every file to {@code directory}.
     *
     * @param provenance what reproduces the comparison besides its own settings (plugins, versions, checksums)
     */
    public static void write(ComparisonResult result, String experiment, Map<String, String> facts,
                             Map<String, String> provenance, Path directory) {
        AtomicFile.writeText(directory.resolve("summary.csv"), out -> ComparisonCsv.writeSummary(result, out));
        AtomicFile.writeText(directory.resolve("curves.csv"), out -> ComparisonCsv.writeCurves(result, out));
        AtomicFile.writeText(directory.resolve("runs.csv"), out -> ComparisonCsv.writeRuns(result, out));
        ResultWriter.text(directory.resolve("summary.md"), result.summaryTable());
        ResultWriter.plot(chart(result, Metric.VALID), directory, VALID_PLOT);
        boolean hasTest = hasValues(result, Metric.TEST);
        if (hasTest) {
            ResultWriter.plot(chart(result, Metric.TEST), directory, TEST_PLOT);
        }
        HtmlPage page = new HtmlPage("LayerNAS comparison: " + experiment).facts(facts)
                .plot(VALID_PLOT, "Best objective (validation accuracy) meeting the target so far: mean over seeds, "
                        + "band from the 25% to the 75% quantile");
        if (hasTest) {
            page.plot(TEST_PLOT, "Test accuracy of the best-so-far model: mean and 25-75% band");
        }
        page.heading("Summary").table(List.of("strategy", "runs", "found", "mean test", "std test", "mean valid",
                "std valid", "mean trials", "mean training s"), rows(result))
                .heading("Files").links(List.of("summary.csv", "curves.csv", "runs.csv", "summary.md",
                        OutputFiles.CONFIG_YAML));
        java.util.TreeMap<String, String> all = new java.util.TreeMap<>(result.provenance());
        all.putAll(provenance);
        page.heading("Provenance").facts(new LinkedHashMap<>(all));
        ResultWriter.text(directory.resolve(OutputFiles.INDEX_HTML), page.render());
    }

    /** Mean line and quantile band per strategy, grid points where no run had found anything left out. */
    public static Chart chart(ComparisonResult result, Metric metric) {
        List<Chart.Series> series = new ArrayList<>();
        for (int s = 0; s < result.strategies().size(); s++) {
            Curve curve = result.curve(result.strategies().get(s), metric);
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < curve.time().length; i++) {
                if (!Double.isNaN(curve.mean()[i]) && !Double.isNaN(curve.q25()[i]) && !Double.isNaN(curve.q75()[i])) {
                    kept.add(i);
                }
            }
            series.add(new Chart.Series(curve.strategy(), pick(curve.time(), kept), pick(curve.mean(), kept),
                    pick(curve.q25(), kept), pick(curve.q75(), kept), Chart.Style.LINE,
                    Chart.PALETTE[s % Chart.PALETTE.length]));
        }
        String x = result.axis() == Axis.TRAINING_SECONDS ? "training seconds" : "trials";
        String y = metric == Metric.VALID ? "best objective (validation)" : "test accuracy of the best-so-far model";
        return new Chart(metric == Metric.VALID ? "Best objective so far" : "Test accuracy of the best so far", x, y,
                series, List.of(), true);
    }

    private static double[] pick(double[] values, List<Integer> kept) {
        return kept.stream().mapToDouble(i -> values[i]).toArray();
    }

    private static boolean hasValues(ComparisonResult result, Metric metric) {
        for (String strategy : result.strategies()) {
            for (double value : result.curve(strategy, metric).mean()) {
                if (!Double.isNaN(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<List<String>> rows(ComparisonResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (SummaryRow row : result.summary()) {
            rows.add(List.of(row.strategy(), Integer.toString(row.runs()), Integer.toString(row.found()),
                    HtmlPage.number(row.meanTest()), HtmlPage.number(row.stdTest()), HtmlPage.number(row.meanValid()),
                    HtmlPage.number(row.stdValid()), HtmlPage.number(row.meanEvaluations()),
                    HtmlPage.number(row.meanTrainingSeconds())));
        }
        return rows;
    }
}
