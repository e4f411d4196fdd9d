package io.layernas.evaluators.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import io.layernas.api.Architecture;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Evaluator;
import io.layernas.api.InputShape;
import io.layernas.api.Metrics;
import io.layernas.api.NetworkSpace;
import io.layernas.api.Settings;
import io.layernas.evaluators.external.CommandEvaluatorProvider;
import io.layernas.spaces.natsbench.NatsDataset;
import io.layernas.spaces.natsbench.NatsTopologySpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/examples/train_candidate.py builds the networks djl-train builds, NATS-Bench topology cells
 * included (every cell operation, the stem, the residual blocks, batch norm before pooling, the
 * classifier): the same {@code params} and {@code trainable_params}. And it trains a NATS network on
 * Fashion-MNIST resized to 32x32x3, as djl-train's InputAdapter does. Needs /usr/bin/python3 with torch
 * (see {@link PythonWithTorch}).
 */
class TrainCandidateScriptTest extends EngineTest {
    private static final Path SCRIPT = Path.of("..", "docs", "examples", "train_candidate.py").toAbsolutePath();
    private static final NatsTopologySpace NATS = new NatsTopologySpace(NatsDataset.CIFAR10);
    private static final List<String> CELLS = List.of(
            "|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|skip_connect~0|none~1|nor_conv_3x3~2|",
            "|avg_pool_3x3~0|+|none~0|skip_connect~1|+|nor_conv_1x1~0|nor_conv_3x3~1|avg_pool_3x3~2|");

    @Test
    void scriptCountsTheParamsOfDjlTrainsNetworkForNatsCells() throws Exception {
        Evaluator script = script(Map.of("PARAMS_ONLY", "1"));
        for (String cell : CELLS) {
            check(script, NATS, NATS.parse(cell));
        }
    }

    private static void check(Evaluator script, NetworkSpace space, Architecture architecture) throws Exception {
        SequentialBlock network = NetworkBuilder.build(space.network(architecture), space.input());
        InputShape input = space.input();
        network.initialize(manager, DataType.FLOAT32, new Shape(2, input.channels(), input.size(), input.size()));
        Metrics metrics = script.evaluate(new EvaluationRequest(space, architecture, 0, 1, 1));
        String name = space.format(architecture);
        assertThat((long) metrics.value("params", -1)).as(name).isEqualTo(Weights.countParams(network));
        assertThat((long) metrics.value("trainable_params", -1)).as(name).isEqualTo(Weights.countTrainable(network));
    }

    @Test
    void scriptTrainsANatsCellNetworkOnResizedImages(@TempDir Path scratch) throws Exception {
        FashionMnistData.load();
        Path split = scratch.resolve("split.json");
        Files.writeString(split, "{\"train\": " + range(0, 256) + ", \"validation\": " + range(256, 320)
                + ", \"test\": " + range(0, 64) + "}");
        Evaluator script = script(Map.of("EPOCHS", "1", "BATCH_SIZE", "64", "SPLIT_FILE", split.toString()));
        Metrics metrics = script.evaluate(new EvaluationRequest(NATS, NATS.parse(CELLS.get(0)), 0, 1, 1));
        assertThat(metrics.objective()).isBetween(0.0, 1.0);
        assertThat(metrics.value(Metrics.TEST_ACCURACY, -1)).isBetween(0.0, 1.0);
        assertThat(metrics.trainingSeconds()).isPositive();
    }

    private static String range(int from, int to) {
        return IntStream.range(from, to).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
    }

    private static Evaluator script(Map<String, String> env) throws InterruptedException {
        Map<String, String> all = new HashMap<>(env);
        all.put("OMP_NUM_THREADS", "1");
        return new CommandEvaluatorProvider().create(NATS, Settings.of("evaluator", Map.of(
                "command", List.of(PythonWithTorch.require(), SCRIPT.toString(), "{request}"),
                "timeoutSeconds", 300, "env", all)));
    }
}
