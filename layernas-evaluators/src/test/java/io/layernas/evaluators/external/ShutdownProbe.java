package io.layernas.evaluators.external;

import io.layernas.api.Architecture;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A JVM that evaluates one long command, for {@link CommandEvaluatorShutdownTest} to signal.
 * Arguments: the scratch directory, the marker its sleeps carry, the file the command writes its pid to.
 */
public final class ShutdownProbe {
    private ShutdownProbe() {
    }

    public static void main(String[] args) throws Exception {
        SmallNetworkSpace space = new SmallNetworkSpace();
        String script = "(sleep " + args[1] + " > /dev/null 2>&1 &); echo $$ > \"$1\"; sleep " + args[1];
        CommandEvaluator evaluator = new CommandEvaluator(CommandSettings.from(Settings.of("evaluator", Map.of(
                "command", List.of("/bin/sh", "-c", script, "sh", args[2]), "scratchDir", args[0]))));
        evaluator.evaluate(new EvaluationRequest(space, Architecture.of(0, 0), 1, 1, 1));
    }
}
