package io.layernas.core.compare;

import java.util.ArrayList;
import java.util.List;

/** Turns runs into curves on a common grid and a summary line. Stateless. */
final class Aggregation {
    private Aggregation() {
    }

    /** {@code points} equally spaced grid values ending at {@code end}: {@code end·(i+1)/points}. */
    static double[] grid(double end, int points) {
        double[] grid = new double[points];
        for (int i = 0; i < points; i++) {
            grid[i] = end * (i + 1) / points;
        }
        return grid;
    }

    static Curve curve(String strategy, Metric metric, Axis axis, double[] grid, List<RunCurve> runs) {
        double[] mean = new double[grid.length];
        double[] q25 = new double[grid.length];
        double[] q75 = new double[grid.length];
        int[] count = new int[grid.length];
        for (int i = 0; i < grid.length; i++) {
            double[] values = new double[runs.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = runs.get(r).valueAt(metric, grid[i]);
            }
            double[] present = Stats.present(values);
            mean[i] = Stats.mean(present);
            q25[i] = Stats.quantile(present, 0.25);
            q75[i] = Stats.quantile(present, 0.75);
            count[i] = present.length;
        }
        return new Curve(strategy, metric, axis, grid, mean, q25, q75, count);
    }

    static SummaryRow summary(String strategy, List<RunCurve> runs) {
        List<Double> tests = new ArrayList<>();
        List<Double> valids = new ArrayList<>();
        double evaluations = 0;
        double seconds = 0;
        for (RunCurve run : runs) {
            evaluations += run.evaluations();
            seconds += run.trainingSeconds();
            if (run.found()) {
                valids.add(run.last(Metric.VALID));
                tests.add(run.last(Metric.TEST));
            }
        }
        double[] test = Stats.present(tests.stream().mapToDouble(Double::doubleValue).toArray());
        double[] valid = valids.stream().mapToDouble(Double::doubleValue).toArray();
        return new SummaryRow(strategy, runs.size(), valid.length, Stats.mean(test), Stats.std(test),
                Stats.mean(valid), Stats.std(valid), evaluations / runs.size(), seconds / runs.size());
    }
}
