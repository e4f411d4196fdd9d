package io.layernas.evaluators.tabular;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.BenchmarkKeys;
import io.layernas.api.ConfigurationException;
import io.layernas.api.Evaluator;
import io.layernas.api.EvaluatorProvider;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;
import io.layernas.evaluators.tabular.TableEvaluator.Config;
import io.layernas.evaluators.tabular.TableEvaluator.Key;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code table}: looks architectures up in a benchmark table. Settings:
 * <ul>
 *   <li>{@code path} (required): the table, {@code .csv}, {@code .jsonl}, or the NAS-Bench-101
 *       release {@code .tfrecord};</li>
 *   <li>{@code epochs}: for a {@code .tfrecord}, the training length to read (default 108);</li>
 *   <li>{@code dataset}: {@code cifar10}, {@code cifar100}, {@code ImageNet16-120} (columns
 *       {@code imagenet16_*}) or any column prefix; default the space's {@link BenchmarkKeys#benchmarkDataset}, else cifar10;</li>
 *   <li>{@code metric}: {@code valid} (default) or {@code test}, the search objective;</li>
 *   <li>{@code key}: {@code arch} (default) or {@code index};</li>
 *   <li>{@code seeds}: {@code mean} (default) or {@code sample} (one seed's accuracy per trial);</li>
 *   <li>{@code secondsPerTrial}: stand-in training time when the table has none, reported as simulated.</li>
 * </ul>
 */
public final class TableEvaluatorProvider extends AbstractPlugin implements EvaluatorProvider {
    /** For ServiceLoader. */
    public TableEvaluatorProvider() {
        super("table", "Looks up accuracy and training time in a benchmark table (NATS-Bench, NAS-Bench-101, ...)");
    }

    @Override
    public Evaluator create(SearchSpace space, Settings settings) {
        Path path = settings.getPath("path", null);
        if (path == null) {
            throw new ConfigurationException(settings.keyOf("path")
                    + " is missing. Set it to a benchmark table (.csv or .jsonl), see docs/benchmark-tables.md.");
        }
        String metric = settings.getChoice("metric", TableColumns.VALID, List.of(TableColumns.VALID, TableColumns.TEST));
        Key key = Key.valueOf(settings.getChoice("key", "arch", List.of("arch", "index")).toUpperCase(Locale.ROOT));
        boolean sample = settings.getChoice("seeds", "mean", List.of("mean", "sample")).equals("sample");
        double seconds = settings.getDouble("secondsPerTrial", Double.NaN);
        if (seconds < 0) {
            throw new ConfigurationException(settings.keyOf("secondsPerTrial") + " (" + seconds + ") must be >= 0.");
        }
        Config config = new Config(dataset(space, settings), metric, key, sample, seconds);
        return new TableEvaluator(space, table(path, settings), config);
    }

    private static BenchmarkTable table(Path path, Settings settings) {
        if (path.getFileName().toString().endsWith(".tfrecord")) {
            return BenchmarkTable.readNasBench101(path, settings.getInt("epochs", BenchmarkTable.NAS_BENCH_101_EPOCHS));
        }
        if (settings.has("epochs")) {
            throw new ConfigurationException(settings.keyOf("epochs") + " applies to the NAS-Bench-101 release (.tfrecord) "
                    + "only; a " + path.getFileName() + " table has one training length. Remove it.");
        }
        return BenchmarkTable.read(path);
    }

    private static String dataset(SearchSpace space, Settings settings) {
        String spaceDataset = space instanceof BenchmarkKeys keys ? keys.benchmarkDataset().orElse(null) : null;
        String fallback = spaceDataset == null ? "cifar10" : spaceDataset;
        String name = settings.getString("dataset", fallback);
        String prefix;
        try {
            prefix = TableColumns.datasetPrefix(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(settings.keyOf("dataset") + " (" + name + ") " + e.getMessage(), e);
        }
        if (spaceDataset != null && !prefix.equals(TableColumns.datasetPrefix(spaceDataset))) {
            throw new ConfigurationException(settings.keyOf("dataset") + " (" + name + ") differs from the space's dataset ("
                    + spaceDataset + "), so costs and accuracies would describe different networks. Set both to the same.");
        }
        return prefix;
    }
}
