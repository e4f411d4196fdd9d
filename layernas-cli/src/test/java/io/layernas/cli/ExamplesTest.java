package io.layernas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchStrategy;
import io.layernas.api.TargetRange;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.config.Overrides;
import io.layernas.cli.config.PluginChoice;
import io.layernas.cli.config.SectionReader;
import io.layernas.cli.plugins.PluginRegistry;
import io.layernas.cli.wiring.ExperimentModule;
import io.layernas.cli.wiring.Plugins;
import io.layernas.cli.wiring.Wiring;
import io.layernas.evaluators.training.TrainingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in examples/ is a valid experiment: it parses, every plugin accepts its settings, the
 * target is reachable. Examples whose data files are absent are skipped; the training example's
 * evaluator is only checked (creating it would load PyTorch).
 */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("user.dir")).resolveSibling("examples");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(list).hasSizeGreaterThanOrEqualTo(10);
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void isAValidExperiment(Path file) {
        ExperimentConfig config = ExperimentConfig.load(file, Overrides.commandLineOnly(Map.of()));
        for (PluginChoice choice : List.of(config.space(), config.cost(), config.evaluator())) {
            for (Object value : choice.values().values()) {
                Assumptions.assumeTrue(!(value instanceof String text && text.contains("shared/data"))
                                || Files.exists(choice.baseDirectory().resolve(text)),
                        () -> file + " needs " + value + ", which is absent");
            }
        }
        PluginRegistry registry = PluginRegistry.fromClassPath();
        assertStatedSizeIsTrue(file, new Plugins(registry).space(config.space()));
        if (config.evaluator().name().equals("djl-train")) {
            var settings = config.evaluator().settings();
            TrainingSettings.from(settings);
            SectionReader.requireAllUsed(settings, config.evaluator().owner());
            Plugins plugins = new Plugins(registry);
            SearchSpace space = plugins.space(config.space());
            plugins.costModel(config.cost(), space);
            plugins.strategy(config.strategy());
            return;
        }
        Injector injector = Wiring.create(new ExperimentModule(config, registry));
        assertThat(injector.getInstance(TargetRange.class)).isNotNull();
        assertThat(injector.getInstance(SearchStrategy.class)).isNotNull();
        if (config.compare() != null) {
            Plugins plugins = injector.getInstance(Plugins.class);
            config.compare().strategies().forEach(plugins::strategy);
        }
    }

    /** A size the example's comments state ("20,736 architectures") is the space's true count. */
    private static void assertStatedSizeIsTrue(Path file, SearchSpace space) {
        java.util.regex.Matcher stated = java.util.regex.Pattern.compile("([0-9][0-9,]*) architectures")
                .matcher(readString(file));
        while (stated.find()) {
            assertThat(Double.parseDouble(stated.group(1).replace(",", "")))
                    .as(file + " says " + stated.group()).isEqualTo(space.architectureCount());
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
