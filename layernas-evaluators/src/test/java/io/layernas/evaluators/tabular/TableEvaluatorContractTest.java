package io.layernas.evaluators.tabular;

import io.layernas.api.Architecture;
import io.layernas.api.Evaluator;
import io.layernas.api.EvaluatorContract;
import io.layernas.spaces.natsbench.NatsDataset;
import io.layernas.spaces.natsbench.NatsSizeSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;

/** The contract of every evaluator, for benchmark-table lookups (a table holding the sampled rows). */
class TableEvaluatorContractTest extends EvaluatorContract {
    private static final NatsSizeSpace SSS = new NatsSizeSpace(NatsDataset.CIFAR10);
    @TempDir
    Path dir;

    TableEvaluatorContractTest() {
        super(SSS);
    }

    @Override
    protected Evaluator createEvaluator() throws Exception {
        List<String> lines = new ArrayList<>(List.of("arch,cifar10_valid,cifar10_test,train_seconds"));
        for (Architecture architecture : sample()) {
            double accuracy = 60 + Math.floorMod(architecture.hashCode(), 3000) / 100.0;
            lines.add(String.format(Locale.ROOT, "%s,%.2f,%.2f,%d", SSS.tableKey(architecture), accuracy,
                    accuracy - 1, 100));
        }
        Path table = Files.write(dir.resolve("contract.csv"), lines);
        return new TableEvaluator(SSS, BenchmarkTable.read(table), TableEvaluator.Config.validation("cifar10"));
    }
}
