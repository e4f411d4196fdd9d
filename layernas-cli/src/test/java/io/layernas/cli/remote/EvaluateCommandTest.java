package io.layernas.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.Architecture;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Metrics;
import io.layernas.api.SearchSpace;
import io.layernas.cli.TestCli;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.config.Overrides;
import io.layernas.cli.plugins.PluginRegistry;
import io.layernas.cli.wiring.Plugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code layernas evaluate}: what a remote executor's job runs. A request written by the controller
 * is evaluated exactly as the controller's own evaluator would, and a bad request is refused.
 */
class EvaluateCommandTest {
    @TempDir
    Path dir;

    @Test
    void aRequestIsEvaluatedLikeTheControllersOwnEvaluatorWouldAndTheResultReadsBack() throws Exception {
        ExperimentConfig config = ExperimentConfig.load(TestCli.yaml(dir, "exp.yaml", TestCli.smallExperiment()),
                Overrides.commandLineOnly(Map.of()));
        Plugins plugins = new Plugins(PluginRegistry.fromClassPath());
        SearchSpace space = plugins.space(config.space());
        EvaluationRequest request = new EvaluationRequest(space, Architecture.of(3, 1, 4, 1, 5), 12, 987654321L, 2);
        Metrics expected = plugins.evaluator(config.evaluator(), space).evaluate(request);

        RemoteRequests remote = new RemoteRequests(config.resolved(), config.file());
        Path requestFile = Files.writeString(dir.resolve("request.json"), remote.encode(request));
        Path resultFile = dir.resolve("out/result.json");
        Files.createDirectories(resultFile.getParent());
        List<String> command = remote.command(requestFile, resultFile);
        assertThat(command).endsWith("io.layernas.cli.Main", "evaluate", requestFile.toString(), "--result",
                resultFile.toString());

        TestCli.Outcome outcome = TestCli.run(command.subList(command.indexOf("evaluate"), command.size())
                .toArray(String[]::new));
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(remote.decode(Files.readString(resultFile))).isEqualTo(expected);
        Metrics logged = expected.withLog("epoch 1\n\"quoted\" <b>");
        assertThat(remote.decode(RemoteRequests.encode(logged))).isEqualTo(logged);
    }

    @Test
    void aFileThatIsNoRequestIsAConfigurationErrorAndWritesNoResult() throws Exception {
        Path requestFile = Files.writeString(dir.resolve("request.json"), "{\"format\": \"something-else\"}");
        TestCli.Outcome outcome = TestCli.run("evaluate", requestFile.toString());
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("is not a LayerNAS evaluation request");
        assertThat(dir.resolve("result.json")).doesNotExist();
    }
}
