package io.layernas.bench.paper;

import io.layernas.core.compare.ComparisonCsv;
import io.layernas.core.compare.ComparisonResult;
import io.layernas.core.compare.SummaryRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reproduces the paper's Table 3 comparison on this machine and writes, per dataset, into
 * {@code <out>/<dataset>/}: {@code summary.csv}, {@code curves.csv}, {@code runs.csv} and
 * {@code summary.md} (our table next to the paper's, with the wall-clock time it took).
 *
 * <pre>
 * java -cp layernas-bench.jar io.layernas.bench.paper.Table3Main \
 *     [--data ../shared/data] [--out target/paper-table3] [--seeds 100] [--workers 2] \
 *     [--budget 1e5] [--seconds-per-trial 1000] [--datasets cifar10,cifar100,ImageNet16-120] [--sample-seeds] \
 *     [--default-op none] [--max-flops 0.5] [--strategies RS=random,TPE=tpe,LN=layernas?preset=paper] \
 *     [--space nats-tss-edges[?order=1<-0,2<-1,3<-2,2<-0,3<-0,3<-1]]
 * </pre>
 * {@code --space} picks the encoding of the cell: {@code nats-tss} (default, one layer per node) or
 * {@code nats-tss-edges} (one layer per edge), with settings other than {@code dataset}.
 * The data directory defaults to the system property {@code layernas.data.dir}, else {@code ../shared/data}.
 */
public final class Table3Main {
    private Table3Main() {
    }

    /** Runs the experiment; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("layernas.data.dir", "../shared/data"));
        Path out = Path.of("target/paper-table3");
        NatsTopologyComparison.Options paper = NatsTopologyComparison.Options.paper();
        int seeds = paper.seeds();
        int workers = paper.workers();
        double budget = paper.budgetSeconds();
        double perTrial = paper.secondsPerTrial();
        boolean sample = false;
        String defaultOperation = paper.defaultOperation();
        double maxFlops = paper.maxFlopsFraction();
        var strategies = paper.strategies();
        var space = paper.space();
        List<String> datasets = List.of("cifar10", "cifar100", "ImageNet16-120");
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--sample-seeds")) {
                sample = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--data" -> data = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--seeds" -> seeds = Integer.parseInt(value);
                case "--workers" -> workers = Integer.parseInt(value);
                case "--budget" -> budget = Double.parseDouble(value);
                case "--seconds-per-trial" -> perTrial = Double.parseDouble(value);
                case "--datasets" -> datasets = List.of(value.split(","));
                case "--default-op" -> defaultOperation = value;
                case "--max-flops" -> maxFlops = Double.parseDouble(value);
                case "--strategies" -> strategies = NatsTopologyComparison.parseStrategies(value);
                case "--space" -> space = NatsTopologyComparison.PluginSpec.parse(value);
                default -> throw new IllegalArgumentException("unknown option " + flag + "; options are --data, --out, "
                        + "--seeds, --workers, --budget, --seconds-per-trial, --datasets, --sample-seeds, --default-op, --max-flops, "
                        + "--strategies, --space");
            }
        }
        NatsTopologyComparison.Options options = new NatsTopologyComparison.Options(seeds, workers, budget, perTrial,
                paper.gridPoints(), sample, defaultOperation, maxFlops, strategies, space);
        Path table = NatsTopologyComparison.table(data);
        for (String dataset : datasets) {
            long start = System.nanoTime();
            ComparisonResult result = NatsTopologyComparison.run(table, dataset, options,
                    (run, done, total) -> progress(dataset, done, total));
            double seconds = (System.nanoTime() - start) / 1e9;
            Path directory = out.resolve(dataset);
            write(result, dataset, options, seconds, directory);
            System.out.println(Files.readString(directory.resolve("summary.md")));
        }
    }

    /** Writes the CSV files and {@code summary.md} of one dataset. */
    public static void write(ComparisonResult result, String dataset, NatsTopologyComparison.Options options,
                             double wallSeconds, Path directory) throws IOException {
        ComparisonCsv.writeAll(result, directory);
        Files.writeString(directory.resolve("summary.md"), markdown(result, dataset, options, wallSeconds),
                StandardCharsets.UTF_8);
    }

    /** Our summary in percent next to the paper's Table 3 column, with the settings and the time taken. */
    static String markdown(ComparisonResult result, String dataset, NatsTopologyComparison.Options options,
                           double wallSeconds) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "### NATS-Bench topology search (%s), %s: %d runs per strategy, budget "
                        + "%.0e s, %.0f simulated s per lookup, %s validation accuracy, default edge %s, FLOPs <= %.2f of "
                        + "max; %.1f s wall clock on %d workers%n%n",
                options.space(), dataset, options.seeds(), options.budgetSeconds(), options.secondsPerTrial(),
                options.sampleSeeds() ? "one seed's" : "mean", options.defaultOperation(), options.maxFlopsFraction(), wallSeconds,
                options.workers()));
        text.append("| method | test accuracy (ours) | valid accuracy (ours) | trainings per run | paper's Table 3 |\n");
        text.append("|---|---|---|---|---|\n");
        List<PaperTable3.Row> paper = new ArrayList<>(PaperTable3.ROWS);
        for (SummaryRow row : result.summary()) {
            String published = paper.stream().filter(p -> p.method().equals(row.strategy())).findFirst()
                    .map(p -> p.of(dataset)).orElse("");
            text.append(String.format(Locale.ROOT, "| %s | %.2f ± %.2f | %.2f ± %.2f | %.1f | %s |%n", row.strategy(),
                    100 * row.meanTest(), 100 * row.stdTest(), 100 * row.meanValid(), 100 * row.stdValid(),
                    row.meanEvaluations(), published));
        }
        result.optimumIfKnown().ifPresent(o -> text.append(String.format(Locale.ROOT,
                "| optimum: best test / test of best valid | %.2f / %.2f | %.2f | | %s |%n", 100 * o.bestTest(),
                100 * o.testOfBestValid(), 100 * o.bestValid(), paper.get(paper.size() - 1).of(dataset))));
        return text.toString();
    }

    private static void progress(String dataset, int done, int total) {
        if (done % Math.max(1, total / 10) == 0 || done == total) {
            System.err.printf(Locale.ROOT, "%s: %d/%d runs%n", dataset, done, total);
        }
    }
}
