package io.layernas.dashboard;

import io.layernas.api.Architecture;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The describer of each run, built once per run directory by the factory {@code serve} gave. A run
 * whose describer could not be built is tried again after a while (a data file put in place, a
 * config.yaml written). Describing never fails a request: it yields the text or the reason why
 * there is none. Thread-safe.
 */
final class Describers {
    private static final long RETRY_NANOS = 30_000_000_000L;
    /** A reason is one line of at most this many characters. */
    private static final int REASON_CHARS = 300;

    private final TrialDescriber.Factory factory;
    private final Map<Path, Built> built = new ConcurrentHashMap<>();

    Describers(TrialDescriber.Factory factory) {
        this.factory = factory;
    }

    /**
     * The description of {@code architecture} in the run at {@code directory}.
     *
     * @param text   the per-layer description, or null
     * @param reason why there is none, one line, or null
     */
    record Description(String text, String reason) {
    }

    Description describe(Path directory, Architecture architecture) {
        Built describer = built.compute(directory, (d, old) -> old != null && old.fresh() ? old : build(d));
        if (describer.describer() == null) {
            return new Description(null, describer.reason());
        }
        try {
            return new Description(describer.describer().describe(architecture), null);
        } catch (RuntimeException e) {
            return new Description(null, reason(e));
        }
    }

    private Built build(Path directory) {
        try {
            return new Built(factory.forRun(directory), null, System.nanoTime());
        } catch (RuntimeException | java.util.ServiceConfigurationError | LinkageError e) {
            return new Built(null, reason(e), System.nanoTime());
        }
    }

    private static String reason(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage();
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.length() <= REASON_CHARS ? line : line.substring(0, REASON_CHARS - 3) + "...";
    }

    /** A describer, or why there is none, and when that was found. */
    private record Built(TrialDescriber describer, String reason, long nanos) {
        boolean fresh() {
            return describer != null || System.nanoTime() - nanos < RETRY_NANOS;
        }
    }
}
