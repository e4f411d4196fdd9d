package io.layernas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.cli.plugins.PluginRegistry;
import io.layernas.store.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path directory;

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

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                PluginRegistry::fromClassPath, Map.of(), Map.of());
        int[] exit = {-1};
        Thread server = new Thread(() -> exit[0] = Main.execute(context, "serve", runs.toString(), "--port", "0"));
        server.start();
        Pattern url = Pattern.compile("dashboard at (http://127\\.0\\.0\\.1:\\d+/)");
        Matcher found = url.matcher("");
        for (int i = 0; i < 200 && !found.find(); i++) {
            Thread.sleep(50);
            found = url.matcher(out.toString(StandardCharsets.UTF_8));
        }
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(found.group(1) + "api/runs"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(body).contains("\"id\":\"small\"").contains("\"status\":\"finished\"").contains("\"done\":60");
        server.interrupt();
        server.join(10_000);
        assertThat(server.isAlive()).isFalse();
        assertThat(exit[0]).isZero();
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
