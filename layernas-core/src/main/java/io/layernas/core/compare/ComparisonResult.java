package io.layernas.core.compare;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Comparison} produced. Immutable.
 *
 * @param strategies the strategies' names, in the order they were given
 * @param axis       what the curves' x-axis counts
 * @param grid       the common grid of the curves, increasing
 * @param runs       every run's curve, by strategy (in {@code strategies} order) then seed
 * @param curves     per strategy, its {@link Metric#VALID} then its {@link Metric#TEST} curve
 * @param summary    per strategy, its line of the summary table
 * @param optimum    the optimum inside the target, when it was given or computed; else null
 * @param provenance the settings that reproduce the comparison
 */
public record ComparisonResult(List<String> strategies, Axis axis, double[] grid, List<RunCurve> runs,
                               List<Curve> curves, List<SummaryRow> summary, Optimum optimum,
                               Map<String, String> provenance) {
    public ComparisonResult {
        strategies = List.copyOf(strategies);
        Objects.requireNonNull(axis, "axis");
        grid = grid.clone();
        runs = List.copyOf(runs);
        curves = List.copyOf(curves);
        summary = List.copyOf(summary);
        provenance = Map.copyOf(provenance);
    }

    @Override
    public double[] grid() {
        return grid.clone();
    }

    /** The optimum, if known. */
    public Optional<Optimum> optimumIfKnown() {
        return Optional.ofNullable(optimum);
    }

    /** The curve of one strategy and metric. */
    public Curve curve(String strategy, Metric metric) {
        return curves.stream().filter(c -> c.strategy().equals(strategy) && c.metric() == metric).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no strategy '" + strategy + "'; strategies are "
                        + strategies));
    }

    /** The summary line of one strategy. */
    public SummaryRow summaryOf(String strategy) {
        return summary.stream().filter(r -> r.strategy().equals(strategy)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no strategy '" + strategy + "'; strategies are "
                        + strategies));
    }

    /** The runs of one strategy, by seed. */
    public List<RunCurve> runsOf(String strategy) {
        return runs.stream().filter(r -> r.strategy().equals(strategy)).toList();
    }

    /** The summary as a Markdown table, accuracies as {@code mean ± std}, with the optimum when known. */
    public String summaryTable() {
        StringBuilder text = new StringBuilder("| strategy | test accuracy | valid accuracy | runs found | "
                + "mean trials | mean training s |\n|---|---|---|---|---|---|\n");
        for (SummaryRow row : summary) {
            text.append(String.format(Locale.ROOT, "| %s | %.4f ± %.4f | %.4f ± %.4f | %d/%d | %.1f | %.0f |%n",
                    row.strategy(), row.meanTest(), row.stdTest(), row.meanValid(), row.stdValid(), row.found(),
                    row.runs(), row.meanEvaluations(), row.meanTrainingSeconds()));
        }
        if (optimum != null) {
            text.append(String.format(Locale.ROOT, "| optimum (best valid; best test %.4f) | %.4f | %.4f | | | |%n",
                    optimum.bestTest(), optimum.testOfBestValid(), optimum.bestValid()));
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComparisonResult other && strategies.equals(other.strategies) && axis == other.axis
                && Arrays.equals(grid, other.grid) && runs.equals(other.runs) && curves.equals(other.curves)
                && summary.equals(other.summary) && Objects.equals(optimum, other.optimum)
                && provenance.equals(other.provenance);
    }

    @Override
    public int hashCode() {
        return Objects.hash(strategies, axis, Arrays.hashCode(grid), runs, summary);
    }
}
