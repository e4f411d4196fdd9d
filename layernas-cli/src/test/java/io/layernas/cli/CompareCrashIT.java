package io.layernas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} of a real {@code compare} process half way loses none of its finished runs. */
class CompareCrashIT {
    @TempDir
    Path dir;

    @Test
    void killedHalfWayAndResumedKeepsEveryFinishedRunAndEndsLikeAnUninterruptedComparison() throws Exception {
        Path data = Files.writeString(dir.resolve("data.txt"), "0.5\n");
        Path config = TestCli.yaml(dir, "cmp.yaml", CompareResumeTest.comparison(data, 5));
        Path whole = dir.resolve("whole");
        Path killed = dir.resolve("killed");
        assertThat(TestCli.run("compare", config.toString(), "-o", whole.toString(), "-q").exitCode()).isZero();

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "compare", config.toString(), "-o", killed.toString(), "-q")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long finished = 0;
        try {
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                 finished < 2 && System.nanoTime() < deadline && process.isAlive(); Thread.sleep(20)) {
                finished = finishedRuns(killed.resolve("runs.db"));
            }
        } finally {
            process.destroyForcibly().waitFor();
        }
        long kept = finishedRuns(killed.resolve("runs.db"));
        assertThat(kept).as(Files.readString(dir.resolve("child.log"))).isBetween(2L, 7L);

        TestCli.Outcome resumed = TestCli.run("compare", "--resume", killed.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming: " + kept + " finished runs are kept, not run again");
        for (String file : new String[] {"summary.csv", "runs.csv", "curves.csv"}) {
            assertThat(Files.readString(killed.resolve(file))).as(file).isEqualTo(Files.readString(whole.resolve(file)));
        }
    }

    private static long finishedRuns(Path db) {
        if (!Files.exists(db)) {
            return 0;
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:file:" + db + "?mode=ro");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM finished_run")) {
            return row.next() ? row.getLong(1) : 0;
        } catch (java.sql.SQLException e) {
            return 0; // not created yet, or busy: look again
        }
    }
}
