package io.layernas.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.layernas.api.CandidateExecutor;
import io.layernas.api.Evaluator;
import io.layernas.api.ExecutorSetup;
import io.layernas.api.SearchSpace;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.remote.RemoteRequests;
import io.layernas.cli.results.Provenance;

/**
 * Where a run evaluates its candidates: the executor its {@code executor} section names
 * ({@code local} when there is none). A singleton, so that in production stage its settings are
 * checked (tools on the PATH, queues, directories) before the trial store is opened and before
 * any candidate is evaluated. The run closes it.
 */
public final class ExecutorModule extends AbstractModule {

    @Provides
    @Singleton
    CandidateExecutor executor(Plugins plugins, ExperimentConfig config, SearchSpace space, Evaluator evaluator,
                               RunDirectory directory, Provenance provenance) {
        ExecutorSetup setup = new ExecutorSetup(space, evaluator, config.run().workers(),
                directory.path().toAbsolutePath(), new RemoteRequests(provenance.config(), config.file()));
        return plugins.executor(config.executor(), setup);
    }
}
