package io.layernas.cli;

import io.layernas.api.Architecture;
import io.layernas.api.ConfigurationException;
import io.layernas.api.CostModel;
import io.layernas.api.SearchSpace;
import io.layernas.cli.config.ExperimentConfig;
import io.layernas.cli.config.PluginChoice;
import io.layernas.cli.plugins.PluginKind;
import io.layernas.cli.wiring.Plugins;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code layernas describe SPACE [ARCH]}: a space's layers and options, or one architecture layer by layer. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = {"Describes a search space (its layers and options, and with --cost the cost range of each "
                + "layer), or one architecture of it: for network spaces a per-layer table (input, operator, filters, "
                + "expanded, stride, MAdds, params, latency), for others the chosen options and their costs.",
                "SPACE is a space's name (see 'layernas plugins') or an experiment file, whose space and cost "
                        + "model are used."},
        footer = {"", "Examples:", "  layernas describe nats-sss --cost nats-flops",
                "  layernas describe mobilenet-v3-small --cost madds",
                "  layernas describe nats-sss 64:32:16:64:8 --cost nats-flops",
                "  layernas describe examples/quickstart.yaml"})
final class DescribeCommand implements Callable<Integer> {
    private final CliContext context;
    private final Provider<Plugins> plugins;

    @Parameters(index = "0", paramLabel = "SPACE", description = "A space name or an experiment file.")
    private String space;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ARCH",
            description = "An architecture in the space's text form (e.g. 64:32:16:64:8) or as option indices "
                    + "(0-3-1-0-7).")
    private String architecture;

    @Option(names = "--cost", paramLabel = "NAME", description = "A cost model, e.g. madds, nats-flops.")
    private String cost;

    @Option(names = "-D", paramLabel = "KEY=VALUE",
            description = "A space or cost model setting, e.g. -D space.dataset=cifar100 -D cost.table=pixel1.")
    private Map<String, String> settings;

    @Inject
    DescribeCommand(CliContext context, Provider<Plugins> plugins) {
        this.context = context;
        this.plugins = plugins;
    }

    @Override
    public Integer call() {
        Plugins plugins = this.plugins.get();
        PluginChoice[] choices = choices();
        SearchSpace searchSpace = plugins.space(choices[0]);
        CostModel costModel = choices[1] == null ? null : plugins.costModel(choices[1], searchSpace);
        String text = architecture == null ? SpaceDescription.describe(searchSpace, costModel)
                : SpaceDescription.describe(searchSpace, costModel, parse(searchSpace));
        context.out().print(text);
        return 0;
    }

    /** The space's and the cost model's sections, from an experiment file or from the options. */
    private PluginChoice[] choices() {
        if (space.endsWith(".yaml") || space.endsWith(".yml")) {
            if (!Files.isRegularFile(Path.of(space))) {
                throw new ConfigurationException("SPACE (" + space + ") looks like an experiment file but does not "
                        + "exist.");
            }
            ExperimentConfig config = ExperimentConfig.load(Path.of(space), context.overrides(settings));
            return new PluginChoice[] {config.space(), cost == null ? config.cost() : costChoice()};
        }
        return new PluginChoice[] {choice(PluginKind.SPACE, space), cost == null ? null : costChoice()};
    }

    private PluginChoice costChoice() {
        return choice(PluginKind.COST_MODEL, cost);
    }

    private PluginChoice choice(PluginKind kind, String name) {
        String section = kind.section();
        Map<String, Object> values = new LinkedHashMap<>();
        if (settings != null) {
            settings.forEach((key, value) -> {
                String prefix = key.split("\\.", 2)[0];
                if (!prefix.equals("space") && !prefix.equals("cost") || !key.contains(".")) {
                    throw new ConfigurationException("-D " + key + ": describe takes space.<key> and cost.<key> "
                            + "settings only, e.g. -D space.dataset=cifar100.");
                }
                if (prefix.equals(section)) {
                    values.put(key.substring(section.length() + 1), value);
                }
            });
        }
        return Plugins.choice(kind, name, values);
    }

    private Architecture parse(SearchSpace searchSpace) {
        try {
            if (architecture.matches("\\d+(-\\d+)*") && architecture.split("-").length == searchSpace.layerCount()) {
                Architecture indices = Architecture.of(java.util.Arrays.stream(architecture.split("-"))
                        .mapToInt(Integer::parseInt).toArray());
                searchSpace.validate(indices);
                return indices;
            }
            return searchSpace.parse(architecture);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("ARCH (" + architecture + ") is not an architecture of space '"
                    + searchSpace.name() + "': " + e.getMessage() + ". Write one option per layer joined by ':' "
                    + "(see 'layernas describe " + searchSpace.name() + "' for the options), or option indices "
                    + "joined by '-'.");
        }
    }
}
