package io.layernas.cli.config;

import io.layernas.api.StopReason;
import java.util.Optional;

/**
 * Turns the typed reason a run stopped for into advice that names the experiment's keys. Core
 * reports reasons ({@link StopReason}) and knows no YAML; this is the one place that does.
 * Stateless.
 */
public final class StopAdvice {
    private StopAdvice() {
    }

    /** What the user can do about {@code reason}, naming the keys to set; empty when nothing is to be done. */
    public static Optional<String> forReason(StopReason reason) {
        return switch (reason) {
            case TOO_MANY_FAILURES -> Optional.of("fix the evaluator and resume with 'layernas run --resume DIR' "
                    + "(the trials made so far are kept), or raise run.maxConsecutiveFailures; trials that timed out may "
                    + "need a larger run.timeoutSeconds, "
                    + "failing ones may pass with run.retries");
            case INTERRUPTED -> Optional.of("resume with 'layernas run --resume DIR' (the trials made so far are kept; "
                    + "an abandoned trial is evaluated again)");
            case COMPLETED, BUDGET_EXHAUSTED, RUNNING -> Optional.empty();
        };
    }
}
