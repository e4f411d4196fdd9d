package io.layernas.evaluators.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.layernas.api.Architecture;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Metrics;
import io.layernas.spaces.natsbench.NasBench101Space;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NAS-Bench-101 rows are keyed by the module hash, so isomorphic cells share a row. */
class NasBench101TableTest {
    private static final NasBench101Space SPACE = new NasBench101Space();
    @TempDir
    Path dir;

    private static Architecture steps(String... names) {
        int[] choices = new int[NasBench101Space.STEPS];
        for (int i = 0; i < names.length; i++) {
            choices[i] = SPACE.layers().get(i).indexOf(names[i]);
        }
        return Architecture.of(choices);
    }

    @Test
    void isomorphicCellsFindTheSameRowByModuleHash() throws Exception {
        Architecture convThenPool = steps("conv3x3-0-1", "maxpool3x3-0-2");
        Architecture poolThenConv = steps("maxpool3x3-0-1", "conv3x3-0-2");
        Path table = Files.write(dir.resolve("nb101.jsonl"), List.of(
                "{\"arch\": \"" + SPACE.tableKey(convThenPool) + "\", \"cifar10_valid\": 90.1, \"cifar10_test\": 89.5,"
                        + " \"cifar10_valid_seeds\": [90.0, 90.2], \"cifar10_train_seconds\": 1500.5, \"params\": 2.3}",
                "{\"arch\": \"" + SPACE.tableKey(SPACE.defaultArchitecture()) + "\", \"cifar10_valid\": 10.0,"
                        + " \"cifar10_train_seconds\": 300}"));
        TableEvaluator evaluator = new TableEvaluator(SPACE, BenchmarkTable.read(table), TableEvaluator.Config.validation("cifar10"));
        Metrics one = evaluator.evaluate(new EvaluationRequest(SPACE, convThenPool, 0, 1, 1));
        Metrics other = evaluator.evaluate(new EvaluationRequest(SPACE, poolThenConv, 1, 2, 1));
        assertThat(one).isEqualTo(other);
        assertThat(one.objective()).isCloseTo(0.901, within(1e-12));
        assertThat(one.trainingSeconds()).isEqualTo(1500.5);
        assertThat(one.values()).containsEntry("params", 2.3).containsEntry(Metrics.TEST_ACCURACY, 0.895);
        assertThatThrownBy(() -> evaluator.evaluate(new EvaluationRequest(SPACE, steps("conv1x1-0-1"), 2, 3, 1)))
                .hasMessageContaining("nasbench101").hasMessageContaining(SPACE.tableKey(steps("conv1x1-0-1")));
    }
}
