package io.layernas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.store.RunDirectoryLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare} keeps its finished runs in runs.db and {@code compare --resume DIR} runs only the others. */
class CompareResumeTest {
    @TempDir
    Path dir;

    static String comparison(Path data, long sleepMillis) {
        return TestCli.smallExperiment()
                .replaceAll("(?m)^evaluator:.*$", "evaluator: {name: test-file, data: " + data + ", sleepMillis: "
                        + sleepMillis + "}")
                .replace("budget: {evaluations: 60}", "budget: {evaluations: 30}") + """
                compare:
                  strategies: [{strategy: layernas, bucketCount: 10}, {strategy: random}]
                  seeds: 4
                  gridPoints: 10
                """;
    }

    @Test
    void aComparisonCutHalfWayIsResumedRunningOnlyTheRunsThatHadNotFinished() throws Exception {
        Path data = Files.writeString(dir.resolve("data.txt"), "0.5\n");
        Path config = TestCli.yaml(dir, "cmp.yaml", comparison(data, 0));
        Path whole = dir.resolve("whole");
        Path cut = dir.resolve("cut");
        assertThat(TestCli.run("compare", config.toString(), "-o", whole.toString(), "-q").exitCode()).isZero();
        assertThat(TestCli.run("compare", config.toString(), "-o", cut.toString(), "-q").exitCode()).isZero();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + cut.resolve("runs.db"));
             Statement statement = db.createStatement()) {
            for (String table : new String[] {"finished_run", "run_trial", "run_trial_value"}) {
                statement.executeUpdate("DELETE FROM " + table + " WHERE seed >= 9");
            }
        }
        for (String file : new String[] {"summary.csv", "runs.csv", "curves.csv"}) {
            Files.delete(cut.resolve(file));
        }

        TestCli.Outcome resumed = TestCli.run("compare", "--resume", cut.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming: 4 finished runs are kept, not run again");
        for (String file : new String[] {"summary.csv", "runs.csv", "curves.csv"}) {
            assertThat(Files.readString(cut.resolve(file))).as(file).isEqualTo(Files.readString(whole.resolve(file)));
        }

        TestCli.Outcome again = TestCli.run("compare", config.toString(), "-o", cut.toString(), "-q");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already holds a comparison", "layernas compare --resume " + cut);
    }

    @Test
    void aComparisonOnADirectoryInUseIsRefused() throws Exception {
        Path data = Files.writeString(dir.resolve("data.txt"), "0.5\n");
        Path config = TestCli.yaml(dir, "cmp.yaml", comparison(data, 0));
        Path out = dir.resolve("out");
        try (RunDirectoryLock held = RunDirectoryLock.acquire(out, "layernas run")) {
            TestCli.Outcome second = TestCli.run("compare", config.toString(), "-o", out.toString(), "-q");
            assertThat(second.exitCode()).isEqualTo(2);
            assertThat(second.err()).contains("is in use by");
        }
    }
}
