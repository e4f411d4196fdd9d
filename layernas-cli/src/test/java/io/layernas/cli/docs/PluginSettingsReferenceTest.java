package io.layernas.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.CostModelProvider;
import io.layernas.api.EvaluatorProvider;
import io.layernas.api.ExecutorProvider;
import io.layernas.api.ExecutorSetup;
import io.layernas.api.Metrics;
import io.layernas.api.Plugin;
import io.layernas.api.SearchSpace;
import io.layernas.api.SearchSpaceProvider;
import io.layernas.api.Settings;
import io.layernas.api.StrategyProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/plugin-settings.md is generated from the code: every built-in plugin is created and the
 * settings it reads, with their defaults, are listed. This test fails when the document and the
 * code disagree; {@code -Dlayernas.docs.regenerate=true} rewrites the document.
 */
class PluginSettingsReferenceTest {
    private static final Path DOCUMENT = Path.of("..", "docs", "plugin-settings.md");

    @TempDir
    Path directory;

    @Test
    void theReferenceListsExactlyTheSettingsEachPluginReads() throws Exception {
        String generated = generate();
        if (Boolean.getBoolean("layernas.docs.regenerate")) {
            Files.writeString(DOCUMENT, generated);
        }
        assertThat(Files.readString(DOCUMENT))
                .as("docs/plugin-settings.md is out of date; regenerate it with "
                        + "mvn -pl layernas-cli test -Dtest=PluginSettingsReferenceTest -Dlayernas.docs.regenerate=true")
                .isEqualTo(generated);
    }

    private String generate() throws Exception {
        StringBuilder text = new StringBuilder("""
                # Plugin settings reference

                Generated from the code by `PluginSettingsReferenceTest` (layernas-cli), which fails when this
                page and the plugins disagree. Each plugin reads these keys from its YAML section (`space`,
                `cost`, `evaluator`, `search`, `executor`); a key it does not read is an error. A blank default means the
                setting is required or has no default. What each setting means is in the plugin's own page
                (see [configuration.md](configuration.md)).
                """);
        section(text, "Search spaces (`space:`)", SearchSpaceProvider.class,
                p -> p.create(settings("space", Map.of())));
        section(text, "Cost models (`cost:`)", CostModelProvider.class,
                p -> p.create(spaceFor(p.name()), settings("cost", costFixture(p.name()))));
        section(text, "Evaluators (`evaluator:`)", EvaluatorProvider.class,
                p -> p.create(space("nats-sss"), settings("evaluator", evaluatorFixture(p.name()))));
        section(text, "Strategies (`search:`, named by `strategy`)", StrategyProvider.class,
                p -> p.create(settings("search", Map.of())));
        section(text, "Executors (`executor:`)", ExecutorProvider.class,
                p -> p.create(new ExecutorSetup(space("nats-sss"), request -> Metrics.of(0), 1, directory, null),
                        settings("executor", Map.of())));
        return text.toString();
    }

    private final List<Settings> created = new ArrayList<>();

    private Settings settings(String section, Map<String, ?> values) {
        Settings settings = new Settings(section, values, directory);
        created.add(settings);
        return settings;
    }

    private <P extends Plugin> void section(StringBuilder text, String title, Class<P> kind, Function<P, ?> create) {
        Map<String, P> plugins = new TreeMap<>();
        ServiceLoader.load(kind).stream().map(ServiceLoader.Provider::get).filter(p -> !isTestPlugin(p))
                .forEach(p -> plugins.put(p.name(), p));
        text.append("\n## ").append(title).append("\n");
        for (P plugin : plugins.values()) {
            created.clear();
            try {
                create.apply(plugin);
            } catch (RuntimeException e) {
                // Fixture data may be missing (a data set, a table): the settings were read before.
            }
            Map<String, String> read = created.isEmpty() ? Map.of() : created.get(created.size() - 1).readSettings();
            text.append("\n### `").append(plugin.name()).append("`\n\n").append(plugin.description()).append("\n\n");
            if (read.isEmpty()) {
                text.append("No settings.\n");
                continue;
            }
            text.append("| setting | default |\n|---|---|\n");
            read.forEach((key, fallback) -> text.append("| `").append(key).append("` | ")
                    .append(portable(key, fallback).isEmpty() ? "" : "`" + portable(key, fallback) + "`").append(" |\n"));
        }
    }

    /** Plugins the tests register for themselves are not built in. */
    private static boolean isTestPlugin(Plugin plugin) {
        var source = plugin.getClass().getProtectionDomain().getCodeSource();
        return source != null && source.getLocation().toString().contains("test-classes");
    }

    /** Defaults that depend on the machine, written the same everywhere; NaN means none. */
    private static String portable(String key, String fallback) {
        if (fallback.equals("NaN")) {
            return "";
        }
        if (key.equals("threads") && fallback.equals(Integer.toString(Runtime.getRuntime().availableProcessors()))) {
            return "number of cores";
        }
        return fallback.replace(System.getProperty("user.home"), "~");
    }

    private SearchSpace space(String name) {
        for (SearchSpaceProvider provider : ServiceLoader.load(SearchSpaceProvider.class)) {
            if (provider.name().equals(name)) {
                return provider.create(Settings.empty("space"));
            }
        }
        throw new IllegalStateException("no space " + name);
    }

    private SearchSpace spaceFor(String costModel) {
        return space(switch (costModel) {
            case "madds", "params", "latency" -> "mobilenet-v3-small";
            case "nasbench101-edges" -> "nasbench101";
            default -> "nats-sss";
        });
    }

    private static Map<String, Object> costFixture(String name) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (name.equals("latency")) {
            values.put("directory", Path.of(System.getProperty("layernas.data.dir", "../../shared/data"), "latency")
                    .toAbsolutePath().toString());
        }
        return values;
    }

    private Map<String, Object> evaluatorFixture(String name) {
        Map<String, Object> values = new LinkedHashMap<>();
        switch (name) {
            case "table" -> {
                Path table = directory.resolve("table.csv");
                try {
                    Files.writeString(table, "arch,cifar10_valid,cifar10_test\n64:64:64:64:64,90.0,93.0\n");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                values.put("path", table.toString());
                values.put("secondsPerTrial", 1);
            }
            case "command" -> values.put("command", List.of("true"));
            case "djl-train" -> values.put("datasetDir", directory.resolve("no-data").toString());
            default -> {
            }
        }
        return values;
    }
}
