package io.layernas.cli;

import io.layernas.api.Evaluator;
import io.layernas.api.EvaluatorProvider;
import io.layernas.api.Metrics;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code test-file}, registered for the tests only: reads its data from a file ({@code data}, a
 * number), which a resumed run must notice changing. It fails while the file {@code failUntil}
 * (if given) does not exist, a fixable cause. It reports {@code test_accuracy} as NaN, as Python's
 * {@code json.dumps} does, and every {@code nanEvery}-th trial (0: none) has a NaN objective. Each
 * evaluation takes {@code sleepMillis}, so a process can be killed half way.
 */
public final class FileBackedEvaluatorProvider implements EvaluatorProvider {
    @Override
    public String name() {
        return "test-file";
    }

    @Override
    public Evaluator create(SearchSpace space, Settings settings) {
        Path data = Path.of(settings.getString("data", "missing"));
        String failUntil = settings.getString("failUntil", null);
        int nanEvery = settings.getInt("nanEvery", 0);
        long sleepMillis = settings.getLong("sleepMillis", 0);
        double base = read(data);
        return request -> {
            if (failUntil != null && !Files.exists(Path.of(failUntil))) {
                throw new IllegalStateException("dataset missing: " + failUntil);
            }
            Thread.sleep(sleepMillis);
            boolean nan = nanEvery > 0 && request.trialIndex() % nanEvery == nanEvery - 1;
            double objective = base + Math.floorMod(request.architecture().hashCode(), 1000) / 1e4;
            return new Metrics(nan ? Double.NaN : objective, 1, Map.of("test_accuracy", Double.NaN,
                    "params", Double.POSITIVE_INFINITY));
        };
    }

    private static double read(Path data) {
        try {
            return Double.parseDouble(Files.readString(data).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
