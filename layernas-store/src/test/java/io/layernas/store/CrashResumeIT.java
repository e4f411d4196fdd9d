package io.layernas.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Architecture;
import io.layernas.api.SearchResult;
import io.layernas.api.Trial;
import io.layernas.core.InMemoryTrialStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real search process with SIGKILL at random moments, resumes it each time, and checks
 * that it ends with exactly the trials of a run never interrupted, without evaluating any stored
 * trial again.
 */
class CrashResumeIT {
    private static final long MILLIS_PER_EVALUATION = 4;

    @TempDir
    Path directory;

    @Test
    void killedAtRandomMomentsAndResumedEndsLikeAnUninterruptedRun() throws Exception {
        SearchResult uninterrupted = CrashableSearch.run(new InMemoryTrialStore(),
                request -> io.layernas.api.Metrics.of(CrashableSearch.PROBLEM.accuracy(request.architecture())), 1);
        Path db = directory.resolve("trials.db");
        Path log = directory.resolve("evaluations.log");
        SplittableRandom random = new SplittableRandom(2024);
        List<Set<Architecture>> storedBeforeRun = new ArrayList<>();
        int kills = 0;
        for (int run = 0; run < 12; run++) {
            storedBeforeRun.add(stored(db));
            Process process = start(db, log, "run" + run, 1);
            boolean kill = run < 8;
            if (kill && !process.waitFor(400 + random.nextInt(900), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                kills++;
                continue;
            }
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("run %d finishes", run).isTrue();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("DONE " + uninterrupted.evaluations());
            break;
        }
        assertThat(kills).as("the process was killed mid-run at least a few times").isGreaterThanOrEqualTo(3);

        List<Trial> finalTrials;
        try (SqliteTrialStore store = SqliteTrialStore.open(db, "crash-test")) {
            finalTrials = store.load();
        }
        assertThat(finalTrials.stream().map(Trial::architecture).toList())
                .isEqualTo(uninterrupted.trials().stream().map(Trial::architecture).toList());
        assertThat(finalTrials.stream().map(Trial::objective).toList())
                .isEqualTo(uninterrupted.trials().stream().map(Trial::objective).toList());
        assertNoStoredTrialWasEvaluatedAgain(log, storedBeforeRun);
    }

    private void assertNoStoredTrialWasEvaluatedAgain(Path log, List<Set<Architecture>> storedBeforeRun)
            throws Exception {
        for (String line : Files.readAllLines(log)) {
            String[] parts = line.split(" ");
            int run = Integer.parseInt(parts[0].substring(3));
            Architecture architecture = Architecture.of(java.util.Arrays.stream(parts[1].split("-"))
                    .mapToInt(Integer::parseInt).toArray());
            assertThat(storedBeforeRun.get(run)).as("run %d evaluated %s though it was stored", run, architecture)
                    .doesNotContain(architecture);
        }
    }

    private static Set<Architecture> stored(Path db) {
        if (!Files.exists(db)) {
            return Set.of();
        }
        try (SqliteTrialStore store = SqliteTrialStore.open(db, "crash-test")) {
            Set<Architecture> stored = new HashSet<>();
            store.load().forEach(t -> stored.add(t.architecture()));
            return stored;
        }
    }

    private static Process start(Path db, Path log, String tag, int workers) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashableSearch.class.getName(),
                db.toString(), log.toString(), tag, Long.toString(MILLIS_PER_EVALUATION), Integer.toString(workers))
                .redirectErrorStream(true).start();
    }
}
