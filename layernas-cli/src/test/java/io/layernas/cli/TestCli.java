package io.layernas.cli;

import io.layernas.api.Trial;
import io.layernas.cli.plugins.PluginRegistry;
import io.layernas.cli.results.TrialJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process with captured output; and fixtures for the tests. */
public final class TestCli {
    /** The output of one command. */
    public record Outcome(int exitCode, String out, String err) {
    }

    private TestCli() {
    }

    /** Runs {@code args} with the class path's plugins and no environment. */
    public static Outcome run(String... args) {
        return run(PluginRegistry.fromClassPath(), Map.of(), args);
    }

    /** Runs {@code args} with {@code registry} and {@code environment}. */
    public static Outcome run(PluginRegistry registry, Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), () -> registry, Map.of(), environment);
        int code = Main.execute(context, args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The trials of a run's trials.jsonl in {@code out}. */
    public static List<Trial> trials(Path out) throws IOException {
        List<Trial> trials = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("trials.jsonl"))) {
            trials.add(TrialJson.fromJson(TrialJson.MAPPER.readTree(line)));
        }
        return trials;
    }

    /** Writes {@code yaml} to {@code directory/name}. */
    public static Path yaml(Path directory, String name, String yaml) {
        try {
            Path file = directory.resolve(name);
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small experiment: LayerNAS on nats-sss with the synthetic stand-in, 60 trials. */
    /** {@code trials} with their wall-clock seconds zeroed: what two runs of one search share. */
    public static List<io.layernas.api.Trial> withoutTimes(List<io.layernas.api.Trial> trials) {
        return trials.stream().map(t -> new io.layernas.api.Trial(t.index(), t.architecture(), t.layer(), t.bucket(),
                t.cost(), t.status(), t.metrics(), t.failure(), 0, t.attempts())).toList();
    }

    public static String smallExperiment() {
        return """
                space: {name: nats-sss}
                cost: {name: nats-flops}
                target: {low: 100, high: 110}
                evaluator: {name: synthetic, noise: 0.001, secondsPerTrial: 10}
                search: {strategy: layernas, bucketCount: 20, perBucket: 2}
                budget: {evaluations: 60}
                run: {seed: 7}
                """;
    }

    /** A class loader that sees the example plugin jar, which is not on the test class path. */
    public static ClassLoader withExamplePlugin() {
        String jar = System.getProperty("layernas.example.plugin");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("the example plugin jar is missing (" + jar + "); build it with "
                    + "'mvn -o install -pl layernas-example-plugin'");
        }
        try {
            return new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()}, TestCli.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
