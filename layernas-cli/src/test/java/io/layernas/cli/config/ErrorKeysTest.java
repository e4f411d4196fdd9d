package io.layernas.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.layernas.api.StopReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every key a message names exists: a user told to set {@code evaluation.maxConsecutiveFailures}
 * (a section that does not exist) cannot follow the advice. The keys that exist are those of the
 * defaults ({@link Defaults#KEYS}), the YAML reference (docs/configuration.md) and the plugin reference, which
 * {@code PluginSettingsReferenceTest} keeps equal to what the plugins read.
 */
class ErrorKeysTest {
    private static final Path ROOT = Path.of("..");
    /** Something that looks like a key: a section-like word, a dot, a camel-case name. */
    private static final Pattern KEY = Pattern.compile(
            "(?<![\\w.])(space|cost|target|evaluator|executor|search|budget|run|compare|evaluation|experiment)\\.([a-z][A-Za-z]*)\\b");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** File names that look like keys ({@code run.html}, {@code compare.js}) name files, not settings. */
    private static final Set<String> FILE_EXTENSIONS = Set.of("html", "js", "css", "json", "jsonl", "yaml", "yml",
            "db", "csv", "md", "png", "svg", "txt", "log");

    @Test
    void everyKeyNamedInAMessageOfAnyModuleExists() throws IOException {
        Set<String> known = knownKeys();
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("src" + java.io.File.separator
                    + "main")).forEach(file -> unknown.addAll(unknownKeys(file, known)));
        }
        assertThat(unknown).as("keys named in messages that no section has").isEmpty();
    }

    @Test
    void coreAndApiNameNoKeysAtAll() throws IOException {
        List<String> named = new ArrayList<>();
        for (String module : List.of("layernas-api", "layernas-core")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> named.addAll(unknownKeys(f, Set.of())));
            }
        }
        assertThat(named).as("core reports typed reasons; only the composition root names keys").isEmpty();
    }

    @Test
    void theAdviceForEveryStopReasonNamesExistingKeys() throws IOException {
        Set<String> known = knownKeys();
        assertThat(StopAdvice.forReason(StopReason.TOO_MANY_FAILURES)).get().asString()
                .contains("run.maxConsecutiveFailures");
        for (StopReason reason : StopReason.values()) {
            StopAdvice.forReason(reason).ifPresent(advice -> {
                Matcher key = KEY.matcher(advice);
                while (key.find()) {
                    assertThat(known).as(reason + " advice").contains(key.group());
                }
            });
        }
    }

    private static List<String> unknownKeys(Path file, Set<String> known) {
        List<String> found = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher literal = LITERAL.matcher(lines.get(i));
                while (literal.find()) {
                    Matcher key = KEY.matcher(literal.group(1));
                    while (key.find()) {
                        if (!known.contains(key.group()) && !FILE_EXTENSIONS.contains(key.group(2))) {
                            found.add(ROOT.relativize(file) + ":" + (i + 1) + " " + key.group());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The keys with defaults, and section.key for each key row of the YAML and plugin references. */
    static Set<String> knownKeys() throws IOException {
        Set<String> keys = new TreeSet<>(Defaults.KEYS.keySet());
        Pattern ownSection = Pattern.compile("^## `(\\w+)`");
        Pattern pluginSection = Pattern.compile("^## .*\\(`(\\w+)[:`]");
        Pattern row = Pattern.compile("^\\| `(\\w+)` \\|(?: `(\\w+)`)?");
        for (String document : List.of("docs/configuration.md", "docs/plugin-settings.md")) {
            String section = null;
            for (String line : Files.readAllLines(ROOT.resolve(document))) {
                Matcher heading = line.startsWith("## ") ? (ownSection.matcher(line).find()
                        ? ownSection.matcher(line) : pluginSection.matcher(line)) : null;
                if (heading != null) {
                    section = heading.find() ? heading.group(1) : null;
                    continue;
                }
                Matcher key = row.matcher(line);
                if (key.find()) {
                    if (key.group(2) != null && Defaults.SECTIONS.contains(key.group(1))) {
                        keys.add(key.group(1) + "." + key.group(2));
                    } else if (section != null) {
                        keys.add(section + "." + key.group(1));
                    }
                }
            }
        }
        return keys;
    }
}
