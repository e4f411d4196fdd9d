package io.layernas.dashboard;

import io.layernas.api.Budget;
import io.layernas.api.Metrics;
import io.layernas.api.SearchResult;
import io.layernas.api.TargetRange;
import io.layernas.core.RandomSpaces;
import io.layernas.core.SearchRun;
import io.layernas.core.compare.Comparison;
import io.layernas.core.compare.ComparisonCsv;
import io.layernas.core.layernas.LayerNas;
import io.layernas.core.random.RandomSearch;
import io.layernas.store.RunStatus;
import io.layernas.store.SqliteTrialStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Real searches (LayerNAS on a small random layerwise space) written to run directories, for the tests. */
final class RunFixtures {
    static final RandomSpaces.Problem PROBLEM = RandomSpaces.problem(31, 9, 6, 10);
    /** The dearest architecture (option 0 everywhere) is where LayerNAS starts; the target lies a little below it. */
    static final double MAX_COST = PROBLEM.costs().cost(io.layernas.api.Architecture.of(new int[9]));
    static final TargetRange TARGET = new TargetRange(Math.floor(0.7 * MAX_COST), Math.floor(0.85 * MAX_COST));
    static final int PER_BUCKET = 2;
    /** A failure reason that would run script if a page put it into HTML unescaped. */
    static final String HOSTILE = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script> & out of memory";

    private RunFixtures() {
    }

    /** A search into {@code directory}: LayerNAS, {@code evaluations} trials of {@code sleepMillis} each, some failing. */
    static SearchResult search(Path directory, int evaluations, long sleepMillis) {
        writeConfig(directory, evaluations);
        RunStatus status = RunStatus.startingNow(Map.of("target.low", Double.toString(TARGET.low()), "target.high", Double.toString(TARGET.high()),
                "costUnit", "cost", "baseline", "0-0-0-0-0-0-0-0-0", "baseline.text", "o0 x 9"));
        status.write(directory);
        try (SqliteTrialStore store = SqliteTrialStore.open(directory.resolve("trials.db"), "dashboard-test")) {
            SearchResult result = SearchRun.builder().space(PROBLEM.space()).costModel(PROBLEM.costs())
                    .evaluator(request -> {
                        Thread.sleep(sleepMillis);
                        if (Math.floorMod(request.architecture().hashCode(), 13) == 0) {
                            throw new IllegalStateException(HOSTILE);
                        }
                        return Metrics.of(PROBLEM.accuracy(request.architecture())).withLog(log(request.trialIndex()));
                    })
                    .strategy(new LayerNas(new LayerNas.Config(10, PER_BUCKET, 10, 5, LayerNas.Policy.RANDOM, false)))
                    .target(TARGET).seed(5).retries(0).maxConsecutiveFailures(1000)
                    .budget(Budget.evaluations(evaluations)).store(store).build().run();
            status.ended(RunStatus.State.FINISHED, Map.of("stopReason", result.stopReason().name())).write(directory);
            return result;
        }
    }

    /** What the fixture's evaluator logs for a trial, with markup that must reach a page as text. */
    static String log(int trial) {
        return "epoch 1/2 loss 0.91\nepoch 2/2 loss 0.52 <b>not bold</b> & <i>not italic</i>\ntrial " + trial + " done";
    }

    /**
     * A describer of the fixture's space as {@code layernas describe} lays one out: a row per layer
     * with its name and the chosen option.
     */
    static final TrialDescriber.Factory DESCRIBERS = directory -> architecture -> {
        StringBuilder text = new StringBuilder("#  layer  option\n");
        for (int i = 0; i < PROBLEM.space().layerCount(); i++) {
            var layer = PROBLEM.space().layers().get(i);
            text.append(i).append("  ").append(layer.name()).append("  ")
                    .append(layer.options().get(architecture.choice(i))).append('\n');
        }
        return text.toString();
    };

    static void writeConfig(Path directory, int evaluations) {
        write(directory.resolve("config.yaml"), "space: {name: random-31}\ncost: {name: additive}\n"
                + "target: {low: " + TARGET.low() + ", high: " + TARGET.high() + "}\nevaluator: {name: sleepy}\n"
                + "search: {strategy: layernas, bucketCount: 10, perBucket: " + PER_BUCKET + "}\n"
                + "budget: {evaluations: " + evaluations + "}\nrun: {seed: 5}\n");
    }

    /** A comparison of LayerNAS and random search over a few seeds, written as `layernas compare` writes it. */
    static void comparison(Path directory) {
        try {
            Files.createDirectories(directory);
            var result = Comparison.builder().run(SearchRun.builder().problem(new io.layernas.core.Problem(
                            PROBLEM.space(), PROBLEM.costs(), TARGET, Budget.evaluations(80))))
                    .evaluator(PROBLEM.evaluator()).seeds(4).axis(io.layernas.core.compare.Axis.EVALUATIONS)
                    .strategy("layernas", new LayerNas(new LayerNas.Config(10, 2, 10, 5, LayerNas.Policy.RANDOM, false)))
                    .strategy("random", new RandomSearch(RandomSearch.Config.defaults())).build().run();
            ComparisonCsv.writeAll(result, directory);
            write(directory.resolve("config.yaml"), "compare: {seeds: 4}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
