package io.layernas.evaluators.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.Architecture;
import io.layernas.api.ConfigurationException;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Evaluator;
import io.layernas.api.EvaluatorProvider;
import io.layernas.api.Metrics;
import io.layernas.api.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a stand-in training script (src/test/resources/external/fake-trainer.sh) in each of its modes. */
class CommandEvaluatorTest {
    private static final SmallNetworkSpace SPACE = new SmallNetworkSpace();

    @TempDir
    Path directory;

    @Test
    void readsTheMetricsTheCommandPrintsAfterItsLog() throws Exception {
        Metrics metrics = evaluate(Map.of("command", script("ok")), 4);
        assertThat(metrics.objective()).isEqualTo(0.43); // trial 4, 3 ops in the request
        assertThat(metrics.trainingSeconds()).isEqualTo(12.5);
        assertThat(metrics.values()).containsExactly(Map.entry("test_accuracy", 0.8));
        assertThat(metrics.log()).isEqualTo("stdout (last lines):\nepoch 1/1 loss 0.42\n{\"objective\": 0.43, "
                + "\"trainingSeconds\": 12.5, \"test_accuracy\": 0.8, \"note\": \"text is ignored\"}\n"
                + "stderr (last lines):\nwarning: <b>lr</b> & momentum");
    }

    @Test
    void theLogKeepsTheLastLinesOfBothStreamsWithinItsBounds() {
        String many = java.util.stream.IntStream.range(0, 500).mapToObj(i -> "line " + i + " " + "x".repeat(i % 90))
                .collect(java.util.stream.Collectors.joining("\n"));
        String log = CommandEvaluator.log(many + "\n{\"objective\": 0.5}", many);
        assertThat(log.lines().count()).isLessThanOrEqualTo(Metrics.LOG_LINES);
        assertThat(log.length()).isLessThanOrEqualTo(Metrics.LOG_CHARS);
        assertThat(log).startsWith("stdout (last lines):\n").contains("\n{\"objective\": 0.5}\nstderr (last lines):\n")
                .endsWith("line 499 " + "x".repeat(499 % 90));
        assertThat(Metrics.tail(log)).isEqualTo(log);
        assertThat(CommandEvaluator.log("", " \n")).isNull();
        assertThat(CommandEvaluator.log("", "only stderr")).isEqualTo("stderr (last lines):\nonly stderr");
    }

    @Test
    void passesTheRequestOnStdinOrAsTheRequestPlaceholder() throws Exception {
        assertThat(evaluate(Map.of("command", script("stdin"), "input", "stdin"), 0).objective()).isEqualTo(0.3);
        assertThat(evaluate(Map.of("command", script("arg", "{request}")), 0).objective()).isEqualTo(0.25);
    }

    @Test
    void aScriptRunsThroughTheShellOnlyWhenAskedTo() throws Exception {
        String command = "/bin/sh " + fakeTrainer() + " ok";
        assertThat(evaluate(Map.of("command", command, "shell", true), 2).objective()).isEqualTo(0.23);
        assertThatThrownBy(() -> evaluate(Map.of("command", command), 2))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("evaluator.command ('/bin/sh ")
                .hasMessageContaining("is one string with spaces")
                .hasMessageContaining("set evaluator.shell: true");
    }

    @Test
    void nonZeroExitKeepsTheCodeAndTheTailOfStderr() {
        assertThatThrownBy(() -> evaluate(Map.of("command", script("fail")), 0))
                .isInstanceOf(ExternalCommandException.class)
                .hasMessageContaining("exited with code 3")
                .hasMessageContaining("RuntimeError: CUDA out of memory")
                .satisfies(e -> assertThat(((ExternalCommandException) e).exitCode()).isEqualTo(3));
    }

    @Test
    void timeoutKillsTheCommandAndItsChildren() throws Exception {
        Path pidFile = directory.resolve("child.pid");
        assertThatThrownBy(() -> evaluate(Map.of("command", script("sleep", pidFile.toString()), "timeoutSeconds", 1), 0))
                .isInstanceOf(ExternalCommandException.class)
                .hasMessageContaining("ran longer than timeoutSeconds (1 s) and was killed with every process of its session");
        long childPid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle.of(childPid).ifPresent(child -> child.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(childPid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
    }

    @Test
    void malformedOutputNanAndMissingMetricsFailTheTrial() {
        assertThatThrownBy(() -> evaluate(Map.of("command", script("malformed")), 0))
                .hasMessageContaining("exited with code 0 but its metrics are unusable")
                .hasMessageContaining("malformed JSON: Unexpected end-of-input");
        assertThatThrownBy(() -> evaluate(Map.of("command", script("nan")), 0))
                .hasMessageContaining("the objective is NaN");
        assertThatThrownBy(() -> evaluate(Map.of("command", script("silent")), 0))
                .hasMessageContaining("printed no JSON object");
    }

    @Test
    void parallelEvaluationsKeepTheirOwnRequests() throws Exception {
        Evaluator evaluator = provider().create(SPACE, settings(Map.of("command", script("ok"))));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Metrics>> futures = new ArrayList<>();
            for (int trial = 1; trial <= 8; trial++) {
                EvaluationRequest request = new EvaluationRequest(SPACE, Architecture.of(0, 0), trial, trial, 1);
                futures.add(pool.submit(() -> evaluator.evaluate(request)));
            }
            for (int trial = 1; trial <= 8; trial++) {
                assertThat(futures.get(trial - 1).get().objective()).isEqualTo(Double.parseDouble("0." + trial + "3"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDefaultWorkingDirectoryIsTheCurrentOne() throws Exception {
        CommandSettings settings = CommandSettings.from(Settings.of("evaluator", Map.of("command", script("ok"))));
        assertThat(settings.workingDir()).isEqualTo(Path.of("").toAbsolutePath());
        Metrics metrics = new CommandEvaluator(settings).evaluate(
                new EvaluationRequest(SPACE, Architecture.of(0, 0), 1, 1, 1));
        assertThat(metrics.objective()).isEqualTo(0.13);
    }

    @Test
    void aMissingProgramSaysHowToFixIt() {
        assertThatThrownBy(() -> evaluate(Map.of("command", List.of("no-such-trainer-program")), 0))
                .isInstanceOf(ExternalCommandException.class)
                .hasMessageContaining("[no-such-trainer-program] could not be started")
                .hasMessageContaining("on the PATH");
    }

    @Test
    void badSettingsNameTheKeyAndAFix() {
        assertThatThrownBy(() -> provider().create(SPACE, settings(Map.of())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("evaluator.command is missing. Give the training command");
        assertThatThrownBy(() -> provider().create(SPACE, settings(Map.of("command", "x", "timeoutSeconds", 0))))
                .hasMessageStartingWith("evaluator.timeoutSeconds (0) must be a whole number from 1 to 2592000");
        assertThatThrownBy(() -> provider().create(SPACE, settings(Map.of("command", "x", "timeoutSeconds", 4294967297L))))
                .hasMessageStartingWith("evaluator.timeoutSeconds (4294967297) must be a whole number from 1 to");
        assertThatThrownBy(() -> provider().create(SPACE, settings(Map.of("command", List.of("a", "b"), "shell", true))))
                .hasMessageContaining("evaluator.command has 2 parts, but with evaluator.shell: true it is one");
        assertThatThrownBy(() -> provider().create(SPACE, settings(Map.of("command", "x", "input", "pipe"))))
                .hasMessageContaining("evaluator.input (pipe) must be one of [file, stdin]");
        assertThatThrownBy(() -> provider().create(SPACE, settings(Map.of("command", "x", "workingDir", "/nope"))))
                .hasMessageContaining("evaluator.workingDir (/nope) is not a directory");
    }

    @Test
    void environmentVariablesReachTheCommand() throws Exception {
        Metrics metrics = evaluate(Map.of("command", List.of("/bin/sh", "-c",
                "echo \"{\\\"objective\\\": $MY_SCALE}\""), "env", Map.of("MY_SCALE", "0.75")), 0);
        assertThat(metrics.objective()).isEqualTo(0.75);
    }

    private Metrics evaluate(Map<String, ?> values, int trial) throws Exception {
        Evaluator evaluator = provider().create(SPACE, settings(values));
        return evaluator.evaluate(new EvaluationRequest(SPACE, Architecture.of(1, 0), trial, 11, 1));
    }

    private Settings settings(Map<String, ?> values) {
        return new Settings("evaluator", values, directory);
    }

    private static EvaluatorProvider provider() {
        return ServiceLoader.load(EvaluatorProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("command")).findFirst().orElseThrow();
    }

    private static List<String> script(String... arguments) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", fakeTrainer()));
        command.addAll(List.of(arguments));
        return command;
    }

    private static String fakeTrainer() {
        try {
            return Path.of(CommandEvaluatorTest.class.getResource("/external/fake-trainer.sh").toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
