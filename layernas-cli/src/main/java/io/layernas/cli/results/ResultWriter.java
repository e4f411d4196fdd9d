package io.layernas.cli.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.layernas.api.SearchResult;
import io.layernas.api.StopReason;
import io.layernas.api.Trial;
import io.layernas.cli.config.StopAdvice;
import io.layernas.cli.format.Numbers;
import io.layernas.cli.plots.Chart;
import io.layernas.cli.plots.ChartRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes a finished run's files to its output directory: trials.jsonl, result.json, CSV summaries,
 * plots as PNG and SVG, and index.html (docs/results.md). Each file is written to a temporary name
 * and moved into place, so a reader never sees half a file. Stateless.
 */
public final class ResultWriter {
    private ResultWriter() {
    }

    /** Writes every result file of {@code report} to {@code directory}. */
    public static void write(RunReport report, Path directory) {
        try {
            Files.createDirectories(directory);
            writeTrialsJsonl(report, directory);
            text(directory.resolve(OutputFiles.RESULT_JSON), TrialJson.MAPPER.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(ResultJson.of(report)) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write result.json", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + directory, e);
        }
        SearchResult result = report.result();
        Csv.write(directory.resolve(OutputFiles.TRIALS_CSV), trialHeader(result.trials()),
                trialRows(report, result.trials()));
        Csv.write(directory.resolve(OutputFiles.FRONT_CSV), trialHeader(result.front()),
                trialRows(report, result.front()));
        Iterable<List<String>> best = () -> RunCharts.bestSoFar(result.trials(), report.target()).stream()
                .map(r -> List.of(Long.toString((long) r[0]), Double.toString(r[1]))).iterator();
        Csv.write(directory.resolve(OutputFiles.BEST_SO_FAR_CSV), List.of("trials", "best_objective"), best);
        plot(RunCharts.bestSoFarChart(result, report.target(), report.plugin("strategy")), directory,
                OutputFiles.BEST_SO_FAR_PLOT);
        plot(RunCharts.scatterChart(result, report.target(), report.costUnit()), directory, OutputFiles.SCATTER_PLOT);
        text(directory.resolve(OutputFiles.INDEX_HTML), RunPage.render(report));
    }

    /** Writes the chart as {@code name.png} and {@code name.svg}. */
    public static void plot(Chart chart, Path directory, String name) {
        AtomicFile.write(directory.resolve(name + ".png"), out -> ChartRenderer.writePng(chart, out));
        text(directory.resolve(name + ".svg"), ChartRenderer.svg(chart));
    }

    private static void writeTrialsJsonl(RunReport report, Path directory) {
        AtomicFile.writeText(directory.resolve(OutputFiles.TRIALS_JSONL), out -> {
            for (Trial trial : report.result().trials()) {
                out.write(TrialJson.toJson(trial, report.space()).toString());
                out.write('\n');
            }
        });
    }

    private static List<String> trialHeader(List<Trial> trials) {
        List<String> header = new ArrayList<>(List.of("index", "architecture", "layer", "bucket", "cost", "status",
                "objective", "training_seconds", "wall_seconds", "attempts"));
        header.addAll(metricNames(trials));
        header.add("failure");
        return header;
    }

    private static TreeSet<String> metricNames(List<Trial> trials) {
        TreeSet<String> names = new TreeSet<>();
        trials.forEach(t -> t.metricsIfSucceeded().ifPresent(m -> names.addAll(m.values().keySet())));
        return names;
    }

    /** The rows of {@code trials}, each made when it is written. */
    private static Iterable<List<String>> trialRows(RunReport report, List<Trial> trials) {
        TreeSet<String> metrics = metricNames(trials);
        return () -> trials.stream().map(t -> trialRow(report, metrics, t)).iterator();
    }

    private static List<String> trialRow(RunReport report, TreeSet<String> metrics, Trial t) {
        List<String> row = new ArrayList<>(List.of(Integer.toString(t.index()),
                report.space().format(t.architecture()), Integer.toString(t.layer()), Integer.toString(t.bucket()),
                Double.toString(t.cost()), t.status().name(), t.succeeded() ? Double.toString(t.objective()) : "",
                Double.toString(t.trainingSeconds()), Double.toString(t.wallSeconds()),
                Integer.toString(t.attempts())));
        for (String metric : metrics) {
            row.add(t.succeeded() && t.metrics().values().containsKey(metric)
                    ? Double.toString(t.metrics().values().get(metric)) : "");
        }
        row.add(t.failure() == null ? "" : t.failure());
        return row;
    }

    /**
     * Writes {@code config.yaml} into {@code directory}: the resolved configuration of this {@code what}
     * ({@code run}, {@code comparison}), headed by the {@code layernas COMMAND} lines that resume and repeat it.
     */
    public static void config(Path directory, String command, String what, Map<String, Object> config) {
        Path file = directory.resolve(OutputFiles.CONFIG_YAML);
        text(file, "# The resolved configuration of this " + what + ".\n# Resume: layernas " + command + " --resume "
                + directory + "\n# Repeat: layernas " + command + " " + file + "\n" + yaml(config));
    }

    /** {@code config} as block-style YAML, as {@code config.yaml} holds it. */
    public static String yaml(Map<String, Object> config) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(config);
    }

    /** Writes text atomically: to a temporary file, then moved into place. */
    public static void text(Path file, String content) {
        AtomicFile.writeText(file, out -> out.write(content));
    }

    /** The trial of the space's default architecture (the baseline network), if it was evaluated. */
    static java.util.Optional<Trial> baseline(RunReport report, SearchResult result) {
        return result.trials().stream().filter(Trial::succeeded)
                .filter(t -> t.architecture().equals(report.space().defaultArchitecture())).findFirst();
    }

    /** The summary lines printed at the end of a run. */
    public static Map<String, String> summary(RunReport report) {
        SearchResult result = report.result();
        Map<String, String> facts = new LinkedHashMap<>();
        if (result.stopReason() == StopReason.RUNNING) {
            facts.put("status", "running (this page is rewritten as trials finish; reload it)");
        } else {
            facts.put("stopped", result.stopReason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        result.abort().ifPresent(reason -> facts.put("because", reason));
        StopAdvice.forReason(result.stopReason()).ifPresent(advice -> facts.put("what to do", advice));
        long failed = result.trials().stream().filter(t -> !t.succeeded()).count();
        facts.put("evaluations", result.evaluations() + " (" + failed + " failed)");
        facts.put("training time", Numbers.format(result.trainingSeconds()) + " s");
        if (result.best() == null) {
            facts.put("best", "none met the target");
        } else {
            Trial best = result.best();
            facts.put("best", report.space().format(best.architecture()));
            facts.put("best objective", Numbers.fixed(best.objective(), 4));
            facts.put("best cost", Numbers.format(best.cost(), report.costUnit()));
            facts.put("found at trial", Integer.toString(best.index() + 1));
        }
        baseline(report, result).ifPresent(baseline -> facts.put("baseline", Numbers.fixed(baseline.objective(), 4)
                + " at " + Numbers.format(baseline.cost(), report.costUnit()) + " (the default architecture "
                + report.space().format(baseline.architecture()) + ")"));
        return facts;
    }
}
