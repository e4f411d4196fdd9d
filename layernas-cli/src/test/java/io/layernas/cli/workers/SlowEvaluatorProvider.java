package io.layernas.cli.workers;

import io.layernas.api.Evaluator;
import io.layernas.api.EvaluatorProvider;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;
import io.layernas.core.SyntheticEvaluator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code test-slow}, for the tests only: the synthetic stand-in (table seed 1, noise 0.001, 10
 * training seconds) that first sleeps {@code millis} and appends "pid architecture" to the file
 * {@code log}, so a test sees which process evaluated what, and can kill one mid-evaluation. Its
 * metrics carry the log tail "test-slow: pid P evaluated ARCHITECTURE".
 */
public final class SlowEvaluatorProvider implements EvaluatorProvider {
    @Override
    public String name() {
        return "test-slow";
    }

    @Override
    public Evaluator create(SearchSpace space, Settings settings) {
        long millis = settings.getLong("millis", 100);
        String log = settings.getString("log", null);
        SyntheticEvaluator synthetic = new SyntheticEvaluator(1, 0.001, 10);
        return request -> {
            if (log != null) {
                append(Path.of(log), ProcessHandle.current().pid() + " " + request.architecture());
            }
            Thread.sleep(millis);
            return synthetic.evaluate(request).withLog("test-slow: pid " + ProcessHandle.current().pid()
                    + " evaluated " + request.architecture());
        };
    }

    private static synchronized void append(Path log, String line) {
        try {
            Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
