package io.layernas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs with values that once ended in a stack trace, an out-of-memory error or a silent exit 0:
 * each ends with a keyed error (exit 2), before anything is evaluated or allocated, or with exit 3.
 */
class BadRunsTest {
    @TempDir
    Path dir;

    private TestCli.Outcome run(String... overrides) {
        Path config = TestCli.yaml(dir, "exp.yaml", TestCli.smallExperiment());
        List<String> args = new ArrayList<>(List.of("run", config.toString(), "-q", "-o", dir.resolve("out").toString()));
        for (String override : overrides) {
            args.addAll(List.of("-D", override));
        }
        return TestCli.run(args.toArray(String[]::new));
    }

    private void refused(String override, String message) {
        TestCli.Outcome outcome = run(override);
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
        assertThat(outcome.err()).as(override).startsWith("error: " + message)
                .doesNotContain("Exception", "\tat ", "Guice");
        assertThat(dir.resolve("out")).as("nothing written for a refused run").doesNotExist();
    }

    @Test
    void hugeMemoTablesAreRefusedByTheHeapTheyWouldNeed() {
        refused("search.bucketCount=2147483647", "search.bucketCount (2147483647) with perBucket (2) needs up to ");
        refused("search.perBucket=1000000000", "search.perBucket (1000000000) with bucketCount (20) needs up to ");
        assertThat(run("search.perBucket=1000000000").err()).contains("MB this JVM may use",
                "LAYERNAS_JAVA_OPTS=-Xmx8g");
    }

    @Test
    void nonsenseValuesAreKeyedErrorsNotStackTraces() {
        refused("run.retries=2147483648", "run.retries (2147483648) must be from 0 to 1000.");
        refused("evaluator.noise=NaN", "evaluator.noise (NaN) must be a number, like 0.0.");
        refused("evaluator.secondsPerTrial=nan", "evaluator.secondsPerTrial (nan) must be a number, like 1.0.");
        refused("evaluator.noise=inf", "evaluator.noise (inf) must be a finite number");
        refused("search.perBucket=4294967297", "search.perBucket (4294967297) must be a whole number from "
                + "-2147483648 to 2147483647");
    }

    @Test
    void aRunWhoseEveryTrialFailedDoesNotExitZero() {
        Path config = TestCli.yaml(dir, "fail.yaml", TestCli.smallExperiment()
                .replaceAll("(?m)^evaluator:.*$", "evaluator: {name: test-failing}")
                .replace("budget: {evaluations: 60}", "budget: {evaluations: 4}"));
        TestCli.Outcome outcome = TestCli.run("run", config.toString(), "-q", "-o", dir.resolve("failed").toString());
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(3);
        assertThat(outcome.err()).contains("error: every trial failed (4), so there is no result.",
                dir.resolve("failed").resolve("trials.csv").toString());
    }

    @Test
    void anUnexpectedErrorShowsItsCauses() {
        Exception e = new java.io.UncheckedIOException("cannot write runs/x/trials.csv",
                new java.nio.file.AccessDeniedException("runs/x/trials.csv.tmp"));
        assertThat(Main.withCauses(e)).isEqualTo("java.io.UncheckedIOException: cannot write runs/x/trials.csv "
                + "(caused by java.nio.file.AccessDeniedException: runs/x/trials.csv.tmp)");
    }

    @Test
    void anOutputPathThatIsAFileOrCannotBeCreatedSaysWhy() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path config = TestCli.yaml(dir, "exp.yaml", TestCli.smallExperiment());
        TestCli.Outcome outcome = TestCli.run("run", config.toString(), "-q", "-o", file.toString());
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("error: --output (" + file + ") is a file, not a directory.");
        Path below = file.resolve("run");
        outcome = TestCli.run("run", config.toString(), "-q", "-o", below.toString());
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("error: the output directory (" + below + ") cannot hold the results: "
                + "FileSystemException: " + below + ": Not a directory");
    }
}
