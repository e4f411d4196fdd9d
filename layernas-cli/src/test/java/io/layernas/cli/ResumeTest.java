package io.layernas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Trial;
import io.layernas.store.RunDirectoryLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code run --resume} must survive: failures fixed later, NaN metrics, changed data, a second process, budgets. */
class ResumeTest {
    @TempDir
    Path dir;

    private Path experiment(String evaluatorExtra, String runExtra) throws IOException {
        Path data = dir.resolve("data.txt");
        if (!Files.exists(data)) {
            Files.writeString(data, "0.5\n");
        }
        return TestCli.yaml(dir, "file.yaml", TestCli.smallExperiment()
                .replaceAll("(?m)^evaluator:.*$", "evaluator: {name: test-file, data: " + data + evaluatorExtra + "}")
                .replace("run: {seed: 7}", "run: {seed: 7" + runExtra + "}"));
    }

    @Test
    void aRunStoppedForTooManyFailuresRetriesThemOnResumeWithNewFailureSettings() throws Exception {
        Path fixed = dir.resolve("dataset-ready");
        Path config = experiment(", failUntil: " + fixed, ", maxConsecutiveFailures: 3");
        Path out = dir.resolve("out");
        TestCli.Outcome stopped = TestCli.run("run", config.toString(), "-o", out.toString(), "-q");
        assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(3);

        Files.createFile(fixed);
        TestCli.Outcome resumed = TestCli.run("run", "--resume", out.toString(), "-D", "run.maxConsecutiveFailures=5",
                "-D", "run.retries=2", "-D", "run.timeoutSeconds=60");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming: 0 stored trials are replayed, not evaluated again; the 3 failed"
                + " trials at the end are evaluated again");
        assertThat(TestCli.trials(out)).hasSize(60).allMatch(Trial::succeeded);
        assertThat(Files.readString(out.resolve("config.yaml"))).contains("maxConsecutiveFailures: 5");
    }

    @Test
    void nonFiniteMetricsAreKeptANonFiniteObjectiveFailsOnlyItsTrialAndResumeGoesOn() throws Exception {
        Path config = experiment(", nanEvery: 7", "");
        Path out = dir.resolve("out");
        TestCli.Outcome outcome = TestCli.run("run", config.toString(), "-o", out.toString(), "-q");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        List<Trial> trials = TestCli.trials(out);
        assertThat(trials).hasSize(60);
        assertThat(trials).filteredOn(t -> !t.succeeded()).hasSize(60 / 7)
                .allSatisfy(t -> assertThat(t.failure()).contains("finite"));
        assertThat(trials).filteredOn(Trial::succeeded).allSatisfy(t -> {
            assertThat(t.metrics().values().get("test_accuracy")).isNaN();
            assertThat(t.metrics().values().get("params")).isInfinite();
        });
        assertThat(Files.readString(out.resolve("trials.csv"))).contains("NaN", "Infinity");

        cutStoreAt(out, 20);
        TestCli.Outcome resumed = TestCli.run("run", "--resume", out.toString(), "-q");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(TestCli.trials(out)).hasSize(60);
    }

    @Test
    void resumeRefusesAChangedDataFileNamingItAndBothChecksumsUnlessTold() throws Exception {
        Path config = experiment("", "");
        Path out = dir.resolve("out");
        assertThat(TestCli.run("run", config.toString(), "-o", out.toString(), "-q").exitCode()).isZero();
        cutStoreAt(out, 20);
        Path data = dir.resolve("data.txt");
        String before = io.layernas.cli.wiring.DataFiles.sha256(data);
        Files.writeString(data, "0.7\n");
        String after = io.layernas.cli.wiring.DataFiles.sha256(data);

        TestCli.Outcome refused = TestCli.run("run", "--resume", out.toString(), "-q");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains(data.toAbsolutePath().toString(), before, after, "--accept-changed-data");
        assertThat(TestCli.trials(out)).as("nothing already computed is lost").hasSize(60);

        TestCli.Outcome accepted = TestCli.run("run", "--resume", out.toString(), "--accept-changed-data", "-q");
        assertThat(accepted.exitCode()).as(accepted.err()).isZero();
    }

    @Test
    void aSecondProcessOnTheRunDirectoryIsRefusedAndChangesNothing() throws Exception {
        Path config = experiment("", "");
        Path out = dir.resolve("out");
        assertThat(TestCli.run("run", config.toString(), "-o", out.toString(), "-q").exitCode()).isZero();
        String storedConfig = Files.readString(out.resolve("config.yaml"));
        try (RunDirectoryLock held = RunDirectoryLock.acquire(out, "layernas run")) {
            TestCli.Outcome second = TestCli.run("run", "--resume", out.toString(), "-D", "budget.evaluations=80", "-q");
            assertThat(second.exitCode()).isEqualTo(2);
            assertThat(second.err()).contains("is in use by", "pid " + ProcessHandle.current().pid());
        }
        assertThat(Files.readString(out.resolve("config.yaml"))).isEqualTo(storedConfig);
    }

    @Test
    void theStoredConfigurationFollowsAnExtendedBudgetAndALaterResumeNeverShrinksTheRun() throws Exception {
        Path config = experiment("", "");
        Path out = dir.resolve("out");
        assertThat(TestCli.run("run", config.toString(), "-o", out.toString(), "-q", "-D", "budget.evaluations=25")
                .exitCode()).isZero();
        TestCli.Outcome extended = TestCli.run("run", "--resume", out.toString(), "-D", "budget.evaluations=50", "-q");
        assertThat(extended.exitCode()).as(extended.err()).isZero();
        assertThat(Files.readString(out.resolve("config.yaml"))).contains("evaluations: 50");

        TestCli.Outcome plain = TestCli.run("run", "--resume", out.toString(), "-q");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(TestCli.trials(out)).hasSize(50);

        TestCli.Outcome smaller = TestCli.run("run", "--resume", out.toString(), "-D", "budget.evaluations=30", "-q");
        assertThat(smaller.exitCode()).isEqualTo(2);
        assertThat(smaller.err()).contains("holds 50 trials", "budget.evaluations (30)", "budget.evaluations=50");
        assertThat(TestCli.trials(out)).hasSize(50);
        assertThat(Files.readString(out.resolve("config.yaml"))).contains("evaluations: 50");
    }

    /** A crash after trial {@code kept}: the store keeps exactly the trials before it. */
    private static void cutStoreAt(Path out, int kept) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + out.resolve("trials.db"));
             Statement statement = db.createStatement()) {
            statement.executeUpdate("DELETE FROM trial_value WHERE idx >= " + kept);
            statement.executeUpdate("DELETE FROM trial WHERE idx >= " + kept);
        }
    }

    @Test
    void aRunWhoseChoicesDependOnItsBudgetIsExtendedByReplayingItsTrialsUnderTheBudgetTheyWereMadeUnder()
            throws Exception {
        Path config = TestCli.yaml(dir, "finish.yaml", TestCli.smallExperiment()
                .replace("perBucket: 2}", "perBucket: 2, sizing: finish}").replace("evaluations: 60", "evaluations: 90"));
        Path run = dir.resolve("finish");
        assertThat(TestCli.run("run", config.toString(), "-o", run.toString(), "-q").exitCode()).isZero();
        List<Trial> stored = TestCli.withoutTimes(TestCli.trials(run));
        assertThat(Files.readString(run.resolve("budgets.json")))
                .isEqualToIgnoringWhitespace("[{\"fromTrial\":0,\"evaluations\":90,\"trainingSeconds\":null}]");
        assertThat(stored).hasSize(90);

        // Without its budget history the run cannot be retraced under a larger budget: refused, trials kept.
        Path copy = dir.resolve("finish-without-history");
        copyDirectory(run, copy);
        Files.delete(copy.resolve("budgets.json"));
        TestCli.Outcome refused = TestCli.run("run", "--resume", copy.toString(), "-D", "budget.evaluations=200", "-q");
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
        assertThat(refused.err()).contains("the stored trials do not match this search: trial #")
                .contains("resume with the budget it had").contains("The stored trials are kept");
        assertThat(TestCli.withoutTimes(TestCli.trials(copy))).isEqualTo(stored);

        // A history that is not one is refused, naming the file, before anything is trained.
        Path broken = dir.resolve("finish-broken-history");
        copyDirectory(run, broken);
        Files.writeString(broken.resolve("budgets.json"), "[{\"fromTrial\": \"'; DROP TABLE trial; --\"}]");
        TestCli.Outcome bad = TestCli.run("run", "--resume", broken.toString(), "-D", "budget.evaluations=200", "-q");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains(broken.resolve("budgets.json").toString(), "\"fromTrial\" must be a whole number",
                "delete it to resume with the budget the run had");
        assertThat(TestCli.withoutTimes(TestCli.trials(broken))).isEqualTo(stored);

        // With it, the run is extended: the stored trials are replayed as they were, and the run goes on.
        TestCli.Outcome more = TestCli.run("run", "--resume", run.toString(), "-D", "budget.evaluations=200", "-q");
        assertThat(more.exitCode()).as(more.err()).isZero();
        List<Trial> extended = TestCli.withoutTimes(TestCli.trials(run));
        assertThat(extended).hasSizeGreaterThan(stored.size());
        assertThat(extended.subList(0, stored.size())).isEqualTo(stored);
        assertThat(Files.readString(run.resolve("budgets.json"))).isEqualToIgnoringWhitespace(
                "[{\"fromTrial\":0,\"evaluations\":90,\"trainingSeconds\":null},"
                        + "{\"fromTrial\":90,\"evaluations\":200,\"trainingSeconds\":null}]");
        TestCli.Outcome same = TestCli.run("run", "--resume", run.toString(), "-q");
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(TestCli.withoutTimes(TestCli.trials(run))).isEqualTo(extended);
    }

    private static void copyDirectory(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }
}
