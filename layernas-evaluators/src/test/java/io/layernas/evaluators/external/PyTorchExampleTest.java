package io.layernas.evaluators.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.layernas.api.Architecture;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Metrics;
import io.layernas.api.NetworkSpace;
import io.layernas.api.Settings;
import io.layernas.evaluators.training.PythonWithTorch;
import io.layernas.spaces.mobilenet.OpCounter;
import io.layernas.spaces.mobilenet.PaperSpaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs docs/examples/train_candidate.py through the command evaluator, on a few hundred images.
 * Needs /usr/bin/python3 with torch and numpy (see {@link PythonWithTorch}) and the Fashion-MNIST files.
 */
class PyTorchExampleTest {
    private static final Path SCRIPT = Path.of("..", "docs", "examples", "train_candidate.py").toAbsolutePath();

    @Test
    void exampleScriptTrainsAMobileNetCandidateAndCountsItsParamsLikeTheCostModel() throws Exception {
        String python = PythonWithTorch.require();
        assumeTrue(Files.isDirectory(Path.of("/usr/share/datasets/fashion-mnist")), "run scripts/setup.sh");
        NetworkSpace space = PaperSpaces.mini(PaperSpaces.FASHION_MNIST);
        Architecture architecture = Architecture.of(1, 1, 1, 1, 1, 1, 1, 1);
        CommandEvaluator evaluator = new CommandEvaluator(CommandSettings.from(Settings.of("evaluator", Map.of(
                "command", List.of(python, SCRIPT.toString(), "{request}"), "timeoutSeconds", 300,
                "env", Map.of("EPOCHS", "1", "TRAIN_SUBSET", "500", "OMP_NUM_THREADS", "1")))));

        Metrics metrics = evaluator.evaluate(new EvaluationRequest(space, architecture, 0, 3, 1));

        assertThat(metrics.value("params", -1))
                .isEqualTo(space.network(architecture).stream().mapToLong(OpCounter::params).sum());
        assertThat(metrics.objective()).isBetween(0.0, 1.0);
        assertThat(metrics.value(Metrics.TEST_ACCURACY, -1)).isBetween(0.0, 1.0);
        assertThat(metrics.trainingSeconds()).isPositive();
    }
}
