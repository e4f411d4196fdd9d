package io.layernas.cli;

import io.layernas.api.ConfigurationException;
import io.layernas.api.CostModel;
import io.layernas.api.SearchSpace;
import io.layernas.cli.config.ConfigTree;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.results.OutputFiles;
import io.layernas.cli.wiring.Plugins;
import io.layernas.dashboard.TrialDescriber;
import jakarta.inject.Provider;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code layernas serve} shows of a trial's architecture: {@code layernas describe}'s text for
 * it, with the run's space and cost model created from the run's {@code config.yaml} (the resolved
 * configuration, data files by absolute path) by the same plugins a run uses. Thread-safe.
 */
final class ServeDescribers implements TrialDescriber.Factory {
    private final Provider<Plugins> plugins;

    ServeDescribers(Provider<Plugins> plugins) {
        this.plugins = plugins;
    }

    @Override
    public TrialDescriber forRun(Path runDirectory) {
        Path file = runDirectory.resolve(OutputFiles.CONFIG_YAML);
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("the run directory holds no " + OutputFiles.CONFIG_YAML);
        }
        ExperimentConfig config = ExperimentConfig.of(file, ConfigTree.read(file));
        Plugins created = plugins.get();
        SearchSpace space = created.space(config.space());
        CostModel cost = created.costModel(config.cost(), space);
        return architecture -> {
            space.validate(architecture);
            return SpaceDescription.describe(space, cost, architecture);
        };
    }
}
