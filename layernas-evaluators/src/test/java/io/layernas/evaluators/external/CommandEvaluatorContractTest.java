package io.layernas.evaluators.external;

import io.layernas.api.Evaluator;
import io.layernas.api.EvaluatorContract;
import io.layernas.api.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The contract of every evaluator, for an external command (the stand-in trainer, one process per request). */
class CommandEvaluatorContractTest extends EvaluatorContract {
    private static final SmallNetworkSpace SPACE = new SmallNetworkSpace();
    @TempDir
    Path directory;

    CommandEvaluatorContractTest() {
        super(SPACE);
    }

    @Override
    protected int sampleSize() {
        return 6;
    }

    @Override
    protected Evaluator createEvaluator() throws Exception {
        String trainer = Path.of(getClass().getResource("/external/fake-trainer.sh").toURI()).toString();
        return new CommandEvaluatorProvider().create(SPACE, new Settings("evaluator",
                Map.of("command", List.of("/bin/sh", trainer, "ok")), directory));
    }
}
