package io.layernas.core;

import io.layernas.api.AbstractPlugin;
import io.layernas.api.CandidateExecutor;
import io.layernas.api.ExecutorProvider;
import io.layernas.api.ExecutorSetup;
import io.layernas.api.Settings;

/** {@code local}: threads of this JVM, as many as {@code run.workers}. Has no settings of its own. */
public final class LocalExecutorProvider extends AbstractPlugin implements ExecutorProvider {
    /** For ServiceLoader. */
    public LocalExecutorProvider() {
        super("local", "threads of this JVM, as many as the run has workers (the default)");
    }

    @Override
    public CandidateExecutor create(ExecutorSetup setup, Settings settings) {
        return new LocalExecutor(setup.evaluator(), setup.workers());
    }
}
