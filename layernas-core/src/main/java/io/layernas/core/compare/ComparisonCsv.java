package io.layernas.core.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link ComparisonResult} as CSV, comma-separated with a header line; a missing value
 * (NaN) is an empty field. Stateless.
 *
 * <ul>
 *   <li>summary: {@code strategy,runs,found,mean_test,std_test,mean_valid,std_valid,mean_evaluations,
 *       mean_training_seconds}, one line per strategy, then, when the optimum is known, a line
 *       {@code optimum} with its test accuracy (of the best-valid model) and validation accuracy;
 *   <li>curves: {@code strategy,metric,axis,time,mean,q25,q75,runs}, one line per strategy, metric
 *       ({@code valid}/{@code test}) and grid point;
 *   <li>runs: {@code strategy,seed,time,valid,test}, one line per counted trial of every run.
 * </ul>
 */
public final class ComparisonCsv {
    private ComparisonCsv() {
    }

    /** Writes {@code summary.csv}, {@code curves.csv} and {@code runs.csv} into {@code directory}. */
    public static void writeAll(ComparisonResult result, Path directory) throws IOException {
        Files.createDirectories(directory);
        try (Writer summary = Files.newBufferedWriter(directory.resolve("summary.csv"), StandardCharsets.UTF_8);
             Writer curves = Files.newBufferedWriter(directory.resolve("curves.csv"), StandardCharsets.UTF_8);
             Writer runs = Files.newBufferedWriter(directory.resolve("runs.csv"), StandardCharsets.UTF_8)) {
            writeSummary(result, summary);
            writeCurves(result, curves);
            writeRuns(result, runs);
        }
    }

    /** The summary table. */
    public static void writeSummary(ComparisonResult result, Writer out) throws IOException {
        out.write("strategy,runs,found,mean_test,std_test,mean_valid,std_valid,mean_evaluations,mean_training_seconds\n");
        for (SummaryRow row : result.summary()) {
            out.write(String.join(",", row.strategy(), Integer.toString(row.runs()), Integer.toString(row.found()),
                    number(row.meanTest()), number(row.stdTest()), number(row.meanValid()), number(row.stdValid()),
                    number(row.meanEvaluations()), number(row.meanTrainingSeconds())) + "\n");
        }
        if (result.optimum() != null) {
            Optimum optimum = result.optimum();
            out.write(String.join(",", "optimum", "", "", number(optimum.testOfBestValid()), "",
                    number(optimum.bestValid()), "", "", "") + "\n");
        }
    }

    /** The aggregated curves on the common grid. */
    public static void writeCurves(ComparisonResult result, Writer out) throws IOException {
        out.write("strategy,metric,axis,time,mean,q25,q75,runs\n");
        for (Curve curve : result.curves()) {
            double[] time = curve.time();
            double[] mean = curve.mean();
            double[] q25 = curve.q25();
            double[] q75 = curve.q75();
            int[] runs = curve.runs();
            String prefix = curve.strategy() + "," + name(curve.metric()) + "," + name(curve.axis()) + ",";
            for (int i = 0; i < time.length; i++) {
                out.write(prefix + number(time[i]) + "," + number(mean[i]) + "," + number(q25[i]) + ","
                        + number(q75[i]) + "," + runs[i] + "\n");
            }
        }
    }

    /** Every run's best-so-far trace, trial by trial. */
    public static void writeRuns(ComparisonResult result, Writer out) throws IOException {
        out.write("strategy,seed,time,valid,test\n");
        for (RunCurve run : result.runs()) {
            double[] time = run.time();
            double[] valid = run.valid();
            double[] test = run.test();
            for (int i = 0; i < time.length; i++) {
                out.write(run.strategy() + "," + run.seed() + "," + number(time[i]) + "," + number(valid[i]) + ","
                        + number(test[i]) + "\n");
            }
        }
    }

    /** The summary as a string, for logs and tests. */
    public static String summary(ComparisonResult result) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            writeSummary(result, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }
}
