package io.layernas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.layernas.api.Architecture;
import io.layernas.api.Metrics;
import io.layernas.api.Trial;
import io.layernas.api.TrialStatus;
import io.layernas.cli.plugins.PluginRegistry;
import io.layernas.store.RunStatus;
import io.layernas.store.SqliteTrialStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    @TempDir
    Path directory;
    private Thread server;
    private final int[] exit = {-1};

    @Test
    void aRunSaysItFinishedAndServeShowsItUntilStopped() throws Exception {
        Path runs = directory.resolve("runs");
        Path config = TestCli.yaml(directory, "small.yaml", TestCli.smallExperiment());
        assertThat(TestCli.run("run", config.toString(), "-o", runs.resolve("small").toString(), "-q").exitCode())
                .isZero();
        RunStatus status = RunStatus.read(runs.resolve("small")).orElseThrow();
        assertThat(status.effectiveState()).isEqualTo(RunStatus.State.FINISHED);
        assertThat(status.facts()).containsEntry("target.low", "100.0").containsEntry("stopReason", "BUDGET_EXHAUSTED")
                .containsKey("baseline");
        brokenRun(runs.resolve("broken"));

        String url = serve(runs);
        assertThat(get(url + "api/runs")).contains("\"id\":\"small\"").contains("\"status\":\"finished\"")
                .contains("\"done\":60");
        aTrialIsDescribedAsDescribeDoes(url, config);
        aRunWhoseSpaceCannotBeLoadedShowsOptionIndicesAndWhy(url);
        stopServing();
    }

    /** Starts {@code layernas serve runs --port 0} on a thread of its own; returns its URL. */
    private String serve(Path runs) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                PluginRegistry::fromClassPath, Map.of(), Map.of());
        server = new Thread(() -> exit[0] = Main.execute(context, "serve", runs.toString(), "--port", "0"));
        server.start();
        Pattern url = Pattern.compile("dashboard at (http://127\\.0\\.0\\.1:\\d+/)");
        Matcher found = url.matcher("");
        for (int i = 0; i < 200 && !found.find(); i++) {
            Thread.sleep(50);
            found = url.matcher(out.toString(StandardCharsets.UTF_8));
        }
        return found.group(1);
    }

    /** Stops the server as Ctrl-C does (an interrupt of its thread) and checks that it ended well. */
    private void stopServing() throws InterruptedException {
        server.interrupt();
        server.join(10_000);
        assertThat(server.isAlive()).isFalse();
        assertThat(exit[0]).isZero();
    }

    @Test
    void aSucceededTrialOfTheCommandEvaluatorShowsTheLastLinesItsJobPrinted() throws Exception {
        Path script = directory.resolve("train.sh");
        Files.writeString(script, """
                #!/bin/sh
                i=1
                while [ $i -le 60 ]; do echo "stdout line $i of trial $LAYERNAS_TRIAL"; i=$((i+1)); done
                echo "stderr <script>alert(1)</script> of trial $LAYERNAS_TRIAL" >&2
                echo "{\\"objective\\": 0.$((LAYERNAS_TRIAL + 10))}"
                """);
        Path config = TestCli.yaml(directory, "command.yaml", TestCli.smallExperiment()
                .replaceFirst("evaluator: .*", "evaluator: {name: command, command: [/bin/sh, " + script + "]}")
                .replaceFirst("evaluations: 60", "evaluations: 4"));
        Path runs = directory.resolve("runs");
        assertThat(TestCli.run("run", config.toString(), "-o", runs.resolve("command").toString(), "-q").exitCode())
                .isZero();
        String url = serve(runs);
        try {
            JsonNode trial = MAPPER.readTree(get(url + "api/runs/command/trials/2"));
            assertThat(trial.get("succeeded").asBoolean()).isTrue();
            assertThat(trial.get("objective").asDouble()).isEqualTo(0.12);
            String log = trial.get("log").asText();
            assertThat(log).startsWith("stdout (last lines):\nstdout line 43 of trial 2\n")
                    .contains("stdout line 60 of trial 2\n{\"objective\": 0.12}\nstderr (last lines):\n")
                    .endsWith("stderr <script>alert(1)</script> of trial 2")
                    .doesNotContain("stdout line 42 ");
        } finally {
            stopServing();
        }
    }

    /** The detail of a trial holds exactly what {@code layernas describe CONFIG ARCH} prints for it. */
    private static void aTrialIsDescribedAsDescribeDoes(String url, Path config) throws Exception {
        JsonNode trial = MAPPER.readTree(get(url + "api/runs/small/trials/7"));
        String architecture = trial.get("architecture").asText();
        TestCli.Outcome described = TestCli.run("describe", config.toString(), architecture);
        assertThat(described.exitCode()).isZero();
        assertThat(trial.get("descriptionUnavailable").isNull()).isTrue();
        assertThat(trial.get("description").asText()).isEqualTo(described.out())
                .contains("(option indices " + architecture + ")");
        // nats-sss: one row per layer with its chosen channel count, as the space's per-layer table has it.
        String[] channels = described.out().lines().filter(l -> l.startsWith("architecture ")).findFirst()
                .orElseThrow().split(" ")[1].split(":");
        assertThat(channels).hasSize(5);
        for (int layer = 0; layer < channels.length; layer++) {
            assertThat(trial.get("description").asText()).containsPattern("(?m)^" + layer + " +\\S+ +" + channels[layer]
                    + " ");
        }
    }

    /** A run made with a plugin this process lacks: its trials show option indices and a one-line reason. */
    private static void aRunWhoseSpaceCannotBeLoadedShowsOptionIndicesAndWhy(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url + "api/runs/broken/trials/0")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode trial = MAPPER.readTree(response.body());
        assertThat(trial.get("description").isNull()).isTrue();
        assertThat(trial.get("choices").toString()).isEqualTo("[2,0,1]");
        assertThat(trial.get("descriptionUnavailable").asText()).contains("<b>no-such-space</b>").doesNotContain("\n");
    }

    private static void brokenRun(Path directory) throws Exception {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("config.yaml"), "space: {name: <b>no-such-space</b>}\ncost: {name: madds}\n"
                + "evaluator: {name: synthetic}\n");
        try (SqliteTrialStore store = SqliteTrialStore.open(directory.resolve("trials.db"), "broken")) {
            store.append(new Trial(0, Architecture.of(2, 0, 1), 0, 0, 1, TrialStatus.SUCCEEDED, Metrics.of(0.5), null,
                    1, 1));
        }
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void badDirectoriesAndPortsAreNamedAndWideHostsWarned() {
        TestCli.Outcome missing = TestCli.run("serve", directory.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(Main.CONFIGURATION_ERROR);
        assertThat(missing.err()).contains("nope is not a directory").contains("layernas serve runs/");
        TestCli.Outcome port = TestCli.run("serve", directory.toString(), "--host", "0.0.0.0", "--port", "70000");
        assertThat(port.exitCode()).isEqualTo(Main.CONFIGURATION_ERROR);
        assertThat(port.err()).contains("warning: --host 0.0.0.0 serves beyond this machine")
                .contains("--port (70000) must be between 0 and 65535");
    }
}
