package io.layernas.cli.results;

import io.layernas.api.SearchResult;
import io.layernas.api.TargetRange;
import io.layernas.api.Trial;
import io.layernas.cli.plots.Chart;
import io.layernas.core.Results;
import java.util.ArrayList;
import java.util.List;

/** The charts of one run: best objective so far, and cost against objective with the front and target. */
public final class RunCharts {
    private RunCharts() {
    }

    /**
     * Best objective meeting the target after each trial: {@code [trial number, best]} rows, from
     * the first trial that met it. The last row is the run's best.
     */
    public static List<double[]> bestSoFar(List<Trial> trials, TargetRange target) {
        List<double[]> rows = new ArrayList<>();
        Trial best = null;
        for (Trial trial : trials) {
            if (trial.succeeded() && target.contains(trial.cost())
                    && (best == null || Results.BETTER_FIRST.compare(trial, best) < 0)) {
                best = trial;
            }
            if (best != null) {
                rows.add(new double[] {trial.index() + 1, best.objective()});
            }
        }
        return rows;
    }

    /** The best-so-far curve. */
    public static Chart bestSoFarChart(SearchResult result, TargetRange target, String strategy) {
        List<double[]> rows = bestSoFar(result.trials(), target);
        double[] x = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] y = rows.stream().mapToDouble(r -> r[1]).toArray();
        return new Chart("Best objective meeting the target", "trials", "objective",
                List.of(Chart.Series.of(strategy, x, y, Chart.Style.STEP, Chart.PALETTE[0])), List.of(), true);
    }

    /** Every successful trial's cost and objective, the front, and the target band. */
    public static Chart scatterChart(SearchResult result, TargetRange target, String unit) {
        List<Trial> ok = result.trials().stream().filter(Trial::succeeded).toList();
        List<Chart.Series> series = new ArrayList<>();
        series.add(Chart.Series.of("trials", ok.stream().mapToDouble(Trial::cost).toArray(),
                ok.stream().mapToDouble(Trial::objective).toArray(), Chart.Style.POINTS, Chart.PALETTE[5]));
        series.add(Chart.Series.of("front (best per cost bucket)",
                result.front().stream().mapToDouble(Trial::cost).toArray(),
                result.front().stream().mapToDouble(Trial::objective).toArray(), Chart.Style.LINE, Chart.PALETTE[1]));
        if (result.best() != null) {
            series.add(Chart.Series.of("best in target", new double[] {result.best().cost()},
                    new double[] {result.best().objective()}, Chart.Style.MARKER, Chart.PALETTE[1]));
        }
        List<Chart.Band> bands = List.of(new Chart.Band("target", target.low(), target.high(), Chart.PALETTE[2]));
        return new Chart("Cost and objective of every trial", "cost (" + unit + ")", "objective", series, bands);
    }
}
