package io.layernas.store;

import io.layernas.api.Metrics;
import io.layernas.api.SearchResult;
import io.layernas.api.TargetRange;
import io.layernas.core.layernas.LayerNas;
import io.layernas.core.RandomSpaces;
import io.layernas.core.SearchRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A search that a test runs in a separate JVM and kills: it stores trials in SQLite and logs
 * each evaluation it starts, tagged with the run's name, so the test can check that no stored
 * trial is evaluated again after a resume.
 */
public final class CrashableSearch {
    static final RandomSpaces.Problem PROBLEM = RandomSpaces.problem(31, 9, 6, 10);
    static final TargetRange TARGET = new TargetRange(40, 48);
    static final long SEED = 11;

    private CrashableSearch() {
    }

    /** Args: store file, evaluation log, run tag, milliseconds per evaluation, workers. */
    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[1]);
        String tag = args[2];
        long sleep = Long.parseLong(args[3]);
        int workers = Integer.parseInt(args[4]);
        try (SqliteTrialStore store = SqliteTrialStore.open(Path.of(args[0]), "crash-test")) {
            SearchResult result = run(store, request -> {
                appendLine(log, tag + " " + request.architecture());
                Thread.sleep(sleep);
                return Metrics.of(PROBLEM.accuracy(request.architecture()));
            }, workers);
            System.out.println("DONE " + result.evaluations());
        }
    }

    static SearchResult run(io.layernas.api.TrialStore store, io.layernas.api.Evaluator evaluator, int workers) {
        return SearchRun.builder().space(PROBLEM.space()).costModel(PROBLEM.costs()).evaluator(evaluator)
                .strategy(new LayerNas(LayerNas.Config.defaults())).target(TARGET).seed(SEED).workers(workers)
                .store(store).build().run();
    }

    private static synchronized void appendLine(Path log, String line) {
        try {
            Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
