package io.layernas.cli.stop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layernas.evaluators.training.FashionMnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops real {@code djl-train} runs of the command line with SIGINT and SIGTERM at random moments
 * while a candidate trains in PyTorch, resumes each time, and checks that every stop is orderly: the
 * exit code of the signal, no JVM crash dump, "resume with:" as the last line, and a final resume
 * that completes the run with every trial once and none failed.
 */
class SignalStopIT {
    // Each trial trains for seconds and a signal comes at most 2.7 s after training begins, so at most
    // two trials end per stop (one before the signal, the running one finishing): the four stops store
    // at most six, and every signal lands in a run that still has trials to train, on a fast machine too.
    private static final int TRIALS = 8;
    private static final String EXPERIMENT = """
            space: {name: mobilenet-mini}
            cost: {name: madds}
            target: {fraction: [0.6, 0.8], of: default}
            evaluator: {name: djl-train, epochs: 2, batchSize: 25, learningRate: 0.05, trainSubset: 480,
                        validationFraction: 0.25, testSubset: 50, threads: 1}
            search: {strategy: layernas, bucketCount: 4, perBucket: 1, selections: 2, children: 2}
            budget: {evaluations: %d}
            run: {seed: 42}
            """.formatted(TRIALS);

    /** One stop: the signals sent, the setting, and the exit code expected. */
    private record Stop(String signal, int signals, String onInterrupt, int exitCode) {
    }

    @TempDir
    Path directory;

    @Test
    void stoppedWithSigintAndSigtermMidTrainingItExitsInOrderAndResumesCleanly() throws Exception {
        requireFashionMnist();
        Files.writeString(directory.resolve("tiny.yaml"), EXPERIMENT);
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        List<Stop> stops = List.of(new Stop("INT", 1, "finish", 130), new Stop("TERM", 1, "abandon", 143),
                new Stop("INT", 2, "finish", 130), new Stop("TERM", 1, "finish", 143));
        int stored = 0;
        for (int i = 0; i < stops.size(); i++) {
            Stop stop = stops.get(i);
            String context = "stop " + i + " " + stop + " (random seed " + seed + ")";
            Process process = start(i, i == 0 ? List.of("run", "tiny.yaml", "-o", "run")
                    : List.of("run", "--resume", "run"), "-Drun.onInterrupt=" + stop.onInterrupt());
            awaitTraining(process, i, context);
            Thread.sleep(200 + random.nextInt(2500));
            for (int s = 0; s < stop.signals(); s++) {
                signal(process, stop.signal());
                Thread.sleep(300);
            }
            assertThat(process.waitFor(180, TimeUnit.SECONDS)).as(context + ": ends").isTrue();
            String out = Files.readString(directory.resolve("out" + i + ".txt"));
            String err = Files.readString(directory.resolve("err" + i + ".txt"));
            assertOrderly(process.exitValue(), stop.exitCode(), out, err, context);
            int now = evaluations();
            assertThat(now).as(context + ": stored trials never shrink").isGreaterThanOrEqualTo(stored);
            stored = now;
        }
        Process resume = start(stops.size(), List.of("run", "--resume", "run"), "-Drun.onInterrupt=finish");
        assertThat(resume.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(directory.resolve("out" + stops.size() + ".txt"));
        assertThat(resume.exitValue()).as(out).isZero();
        assertThat(out).contains("stopped         budget exhausted").doesNotContain("resume with:");
        assertCompleteWithEveryTrialOnce();
        assertNoCrashDump("the final resume");
    }

    private void assertOrderly(int exit, int expected, String out, String err, String context) {
        assertThat(err).as(context + ": no JVM crash").doesNotContain("SIGSEGV", "A fatal error", "hs_err");
        assertThat(exit).as(context + ": exit code\n" + out + err).isEqualTo(expected);
        List<String> lines = out.lines().toList();
        assertThat(lines).as(context).isNotEmpty();
        assertThat(lines.get(lines.size() - 1)).as(context + ": the last line")
                .isEqualTo("resume with: ./layernas run --resume run");
        assertThat(out).as(context).contains("stopped         interrupted");
        assertThat(err).as(context).contains("SIG", "stopping. No new trial starts");
        assertNoCrashDump(context);
    }

    private void assertNoCrashDump(String context) {
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("hs_err")))
                    .as(context + ": crash dumps").isEmpty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertCompleteWithEveryTrialOnce() throws IOException {
        JsonNode result = new ObjectMapper().readTree(directory.resolve("run/result.json").toFile());
        assertThat(result.get("stopReason").asText()).isEqualTo("BUDGET_EXHAUSTED");
        assertThat(result.get("evaluations").asInt()).isEqualTo(TRIALS);
        assertThat(result.get("failed").asInt()).as("an abandoned trial is never recorded as failed").isZero();
        List<String> rows = Files.readAllLines(directory.resolve("run/trials.csv"));
        List<String> architectures = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",");
            assertThat(cells[0]).as("trial indices run 0, 1, 2, ...").isEqualTo(Integer.toString(i - 1));
            architectures.add(cells[1]);
        }
        assertThat(architectures).hasSize(TRIALS);
        assertThat(new HashSet<>(architectures)).as("no architecture evaluated twice").hasSize(TRIALS);
    }

    /**
     * The trials in the run's store. Not result.json's count: a run stopped before its search has
     * replayed every stored trial reports only those it reached, while the store keeps them all.
     */
    private int evaluations() throws java.sql.SQLException {
        Path db = directory.resolve("run/trials.db");
        if (!Files.exists(db)) {
            return 0;
        }
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM trial")) {
            return count.next() ? count.getInt(1) : 0;
        }
    }

    /** Waits until the run has printed its header: the engine and data are loaded and training begins. */
    private void awaitTraining(Process process, int run, String context) throws Exception {
        Path out = directory.resolve("out" + run + ".txt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(out) && Files.readString(out).contains("; output ")) {
                return;
            }
            if (!process.isAlive()) {
                fail(context + ": ended before training: " + Files.readString(out)
                        + Files.readString(directory.resolve("err" + run + ".txt")));
            }
            Thread.sleep(100);
        }
        fail(context + ": did not start training within 120 s");
    }

    /**
     * Starts the command line in its own JVM, in {@code directory} (where a crash dump would land),
     * with SIGINT's default action restored: a process started in the background inherits an ignored
     * SIGINT, which the command line, like any program, then leaves ignored.
     */
    private Process start(int run, List<String> arguments, String option) throws IOException {
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true",
                option, "-cp", System.getProperty("java.class.path"), "io.layernas.cli.Main"));
        command.addAll(arguments);
        return new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(directory.resolve("out" + run + ".txt").toFile())
                .redirectError(directory.resolve("err" + run + ".txt").toFile()).start();
    }

    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private static void requireFashionMnist() {
        boolean present = FashionMnist.isPresent(FashionMnist.DEBIAN_DIRECTORY);
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("Fashion-MNIST is not installed in " + FashionMnist.DEBIAN_DIRECTORY + "; run scripts/setup.sh");
        }
        assumeTrue(present, "Fashion-MNIST is not installed in " + FashionMnist.DEBIAN_DIRECTORY
                + "; run scripts/setup.sh");
    }
}
