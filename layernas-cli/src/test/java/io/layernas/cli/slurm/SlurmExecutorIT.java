package io.layernas.cli.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import io.layernas.cli.TestCli;
import io.layernas.cli.results.TrialJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slurm executor against a real Slurm cluster (scripts/services/slurm.sh): the same trials as
 * local, re-attachment after the controller is SIGKILLed, failed jobs as failed trials with their
 * reasons, and bad settings refused before the first candidate. The methods run at once: the
 * time-limit case waits a minute or more for Slurm to enforce the limit.
 */
@Execution(ExecutionMode.CONCURRENT)
class SlurmExecutorIT {
    /**
     * The training program: counts its runs per trial, fails or hangs where the test says (by trial
     * index and attempt), and prints an accuracy that depends on the architecture's seed alone.
     */
    private static final String TRAIN = """
            #!/bin/sh
            echo "attempt $LAYERNAS_ATTEMPT" >> "$COUNTS/$LAYERNAS_TRIAL"
            case " $FAIL_ONCE " in *" $LAYERNAS_TRIAL "*) [ "$LAYERNAS_ATTEMPT" = 1 ] && { echo "flaky" >&2; exit 5; } ;; esac
            case " $FAIL " in *" $LAYERNAS_TRIAL "*) echo "boom: out of GPU memory" >&2; exit 3 ;; esac
            case " $HANG " in *" $LAYERNAS_TRIAL "*) sleep 600 ;; esac
            sleep "${SLEEP:-0}"
            accuracy=$(( (LAYERNAS_SEED % 1000 + 1000) % 1000 ))
            printf '{"objective": 0.%03d, "trainingSeconds": 1}\\n' "$accuracy"
            """;

    @TempDir
    Path dir;
    private Path counts;

    @BeforeEach
    void cluster() throws IOException {
        SlurmCluster.require();
        counts = Files.createDirectories(dir.resolve("counts"));
        Path train = dir.resolve("train.sh");
        Files.writeString(train, TRAIN);
        Files.setPosixFilePermissions(train, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Path experiment(String evaluator, String executor, int evaluations, String run) {
        return TestCli.yaml(dir, "exp-" + System.nanoTime() + ".yaml", """
                space: {name: nats-sss}
                cost: {name: nats-flops}
                target: {low: 100, high: 200}
                evaluator: %s
                executor: %s
                search: {strategy: layernas, bucketCount: 10, perBucket: 1}
                budget: {evaluations: %d}
                run: {seed: 5%s}
                """.formatted(evaluator, executor, evaluations, run));
    }

    private String command(String env) {
        return "{name: command, command: [" + dir.resolve("train.sh") + "], env: {COUNTS: " + counts + env + "}}";
    }

    private static String slurm(String more) {
        return "{name: slurm, pollSeconds: 0.3" + (more.contains("maxJobs") ? "" : ", maxJobs: 8") + more + "}";
    }

    private static TestCli.Outcome run(Path config, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("run", config.toString(), "-o", out.toString(), "-q"));
        args.addAll(List.of(more));
        return TestCli.run(args.toArray(String[]::new));
    }

    private static List<Trial> trials(Path out) throws IOException {
        List<Trial> trials = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("trials.jsonl"))) {
            Trial t = TrialJson.fromJson(TrialJson.MAPPER.readTree(line));
            trials.add(new Trial(t.index(), t.architecture(), t.layer(), t.bucket(), t.cost(), t.status(), t.metrics(),
                    t.failure(), 0, t.attempts()));
        }
        return trials;
    }

    @Test
    void theCommandEvaluatorAndABuiltInOneGiveTheSameTrialsAsLocal() throws Exception {
        Path local = dir.resolve("local");
        Path cluster = dir.resolve("cluster");
        assertThat(run(experiment(command(", FAIL_ONCE: '2'"), "{name: local}", 8, ", retries: 1"), local)
                .exitCode()).isZero();
        clearCounts();
        TestCli.Outcome outcome = run(experiment(command(", FAIL_ONCE: '2'"), slurm(""), 8, ", retries: 1"), cluster);
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(trials(cluster)).hasSize(8).isEqualTo(trials(local));
        assertThat(trials(cluster).get(2).attempts()).as("a failed job is retried (run.retries)").isEqualTo(2);
        assertThat(Files.readString(cluster.resolve("slurm/layernas-job.sh"))).contains("exit_file");

        Path localSynthetic = dir.resolve("local-synthetic");
        Path clusterSynthetic = dir.resolve("cluster-synthetic");
        String synthetic = "{name: synthetic, noise: 0.01, secondsPerTrial: 3}";
        assertThat(run(experiment(synthetic, "{name: local}", 6, ""), localSynthetic).exitCode()).isZero();
        outcome = run(experiment(synthetic, slurm(", maxJobs: 3"), 6, ""), clusterSynthetic);
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(trials(clusterSynthetic)).hasSize(6).isEqualTo(trials(localSynthetic));
    }

    private void clearCounts() throws IOException {
        try (Stream<Path> files = Files.list(counts)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void failedJobsBecomeFailedTrialsWithTheirReasonsAndTheSearchGoesOn() throws Exception {
        Path out = dir.resolve("failures");
        Path config = experiment(command(", FAIL: '1', HANG: '2 3'"), slurm(", timeLimit: 1"), 10, "");
        CompletableFuture<TestCli.Outcome> search = CompletableFuture.supplyAsync(() -> run(config, out));
        List<String> cancelled = List.of();
        for (int i = 0; i < 1200 && cancelled.isEmpty() && !search.isDone(); i++) {
            cancelled = SlurmCluster.running(jobOf(out.resolve("trials.db"), "t3-a1-"));
            Thread.sleep(100);
        }
        assertThat(cancelled).as("the job of trial #3 ran").hasSize(1);
        SlurmCluster.run("scancel", cancelled.get(0));
        TestCli.Outcome outcome = search.get(300, TimeUnit.SECONDS);
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        List<Trial> trials = trials(out);
        assertThat(trials).hasSize(10);
        assertThat(trials.get(1).failure()).contains("exited with code 3").contains("boom: out of GPU memory");
        assertThat(trials.get(2).failure()).contains("time limit");
        assertThat(trials.get(3).failure()).contains("cancelled");
        assertThat(trials.stream().filter(t -> t.status() == TrialStatus.FAILED)).hasSize(3);
    }

    @Test
    void aControllerKilledWhileJobsRunIsResumedWithoutTrainingAnyCandidateTwice() throws Exception {
        Path whole = dir.resolve("whole");
        assertThat(run(experiment(command(""), "{name: local}", 8, ""), whole).exitCode()).isZero();
        clearCounts();
        Path out = dir.resolve("killed");
        Path config = experiment(command(", SLEEP: '3'"), slurm(", maxJobs: 4"), 8, "");
        Process controller = controller(config, out);
        for (int i = 0; i < 1500 && counted() < 3 && controller.isAlive(); i++) {
            Thread.sleep(100);
        }
        assertThat(counted()).as("jobs started before the controller is killed; see %s", out + ".log")
                .isGreaterThanOrEqualTo(3);
        controller.destroyForcibly().waitFor();
        int stored = stored(out.resolve("trials.db"));
        assertThat(counted()).as("jobs were running when the controller was killed").isGreaterThan(stored);

        TestCli.Outcome resumed = TestCli.run("run", "--resume", out.toString(), "-q");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(trials(out)).isEqualTo(trials(whole));
        try (Stream<Path> files = Files.list(counts)) {
            for (Path file : files.toList()) {
                assertThat(Files.readAllLines(file)).as("runs of trial %s", file.getFileName()).hasSize(1);
            }
        }
        assertThat(counted()).isEqualTo(8);
    }

    @Test
    void aTerminatedControllerLeavesItsJobsRunningUnlessCancelOnExitIsSet() throws Exception {
        Path kept = dir.resolve("kept");
        Path cancelled = dir.resolve("cancelled");
        Process keeping = controller(experiment(command(", HANG: '0'"), slurm(", maxJobs: 1"), 3, ""), kept);
        Process cancelling = controller(experiment(command(", HANG: '0'"), slurm(", maxJobs: 1, cancelOnExit: true"),
                3, ""), cancelled);
        List<String> keptJob = List.of();
        List<String> cancelledJob = List.of();
        for (int i = 0; i < 1200 && (keptJob.isEmpty() || cancelledJob.isEmpty()); i++) {
            keptJob = SlurmCluster.running(jobOf(kept.resolve("trials.db"), "t0-a1-"));
            cancelledJob = SlurmCluster.running(jobOf(cancelled.resolve("trials.db"), "t0-a1-"));
            Thread.sleep(100);
        }
        assertThat(keptJob).as("both controllers' first jobs run").hasSize(1);
        assertThat(cancelledJob).hasSize(1);
        keeping.destroy(); // SIGTERM, as Ctrl-C or a batch system's kill does
        cancelling.destroy();
        assertThat(keeping.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(cancelling.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(1000);
        assertThat(SlurmCluster.running(keptJob)).as("the default leaves the job to a resumed run").hasSize(1);
        assertThat(SlurmCluster.running(cancelledJob)).as("cancelOnExit cancels it").isEmpty();
        SlurmCluster.run("scancel", keptJob.get(0));
    }

    private Process controller(Path config, Path out) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.layernas.cli.Main", "run", config.toString(),
                "-o", out.toString(), "-q").redirectErrorStream(true)
                .redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile()).start();
    }

    private long counted() throws IOException {
        try (Stream<Path> files = Files.list(counts)) {
            return files.count();
        }
    }

    /** The Slurm job the run recorded for the attempt whose key starts with {@code key}, or none yet. */
    private static List<String> jobOf(Path db, String key) {
        if (!Files.exists(db)) {
            return List.of();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             var query = connection.prepareStatement("SELECT job_id FROM job WHERE key LIKE ?")) {
            query.setString(1, key + "%");
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? List.of(row.getString(1)) : List.of();
            }
        } catch (java.sql.SQLException e) {
            return List.of(); // the run has not created its store or tables yet
        }
    }

    private static int stored(Path db) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet row = connection.createStatement().executeQuery("SELECT COUNT(*) FROM trial")) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    @Test
    void badSettingsFailBeforeTheFirstCandidateNamingTheKey() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-slurm-here"));
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        String[][] cases = {
            {", slurmBin: " + empty, "sbatch, squeue, scontrol, scancel not found in executor.slurmBin"},
            {", partition: gpu-nope", "executor.partition (gpu-nope) is not a partition of this cluster. Partitions: [debug]"},
            {", sharedDirectory: " + file.resolve("shared"), "executor.sharedDirectory (" + file.resolve("shared")
                    + ") is not writable"},
            {", memory: lots", "executor.memory (lots) is not a size such as 16G."},
        };
        for (String[] c : cases) {
            Path out = dir.resolve("bad-" + System.nanoTime());
            TestCli.Outcome outcome = run(experiment(command(""), slurm(c[0]), 5, ""), out);
            assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
            assertThat(outcome.err()).contains(c[1]);
            assertThat(out.resolve("trials.db")).as("nothing was started").doesNotExist();
        }
        assertThat(counted()).isZero();
    }
}
