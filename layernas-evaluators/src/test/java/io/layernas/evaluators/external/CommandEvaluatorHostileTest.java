package io.layernas.evaluators.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.layernas.api.Architecture;
import io.layernas.api.EvaluationRequest;
import io.layernas.api.Layer;
import io.layernas.api.Metrics;
import io.layernas.api.SearchSpace;
import io.layernas.api.Settings;
import io.layernas.core.SimpleSearchSpace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command evaluator against hostile input: paths, architecture strings and environment
 * values with shell syntax in them, commands that leave processes behind, and commands that
 * print hundreds of megabytes.
 */
class CommandEvaluatorHostileTest {
    /** Option names that would run commands if a shell ever parsed them unquoted. */
    private static final SearchSpace HOSTILE = new SimpleSearchSpace("hostile", List.of(
            new Layer("a", List.of("$(touch PWN1)", "x';touch PWN2;'")),
            new Layer("b", List.of("`touch PWN3`", "\"; touch PWN4; #"))));
    private static final String METRICS = "echo '{\"objective\": 0.5}'";

    @TempDir
    Path directory;

    @Test
    void aHostileScratchDirectoryReachesTheCommandAsOneArgument() throws Exception {
        Path scratch = Files.createDirectories(directory.resolve("t;touch PWN5;'$(touch PWN6)'"));
        Metrics listed = evaluate(Map.of("command", List.of("/bin/sh", "-c", "test -f \"$1\" && " + METRICS, "sh",
                "{request}"), "scratchDir", scratch.toString()), Architecture.of(0, 0));
        Metrics shelled = evaluate(Map.of("command", "test -f {request} && " + METRICS, "shell", true,
                "scratchDir", scratch.toString()), Architecture.of(0, 0));
        assertThat(listed.objective()).isEqualTo(0.5);
        assertThat(shelled.objective()).isEqualTo(0.5);
        assertNoPwnFiles();
        try (Stream<Path> left = Files.list(scratch)) {
            assertThat(left).as("request directories are deleted after each evaluation").isEmpty();
        }
    }

    @Test
    void hostileArchitectureStringsAreQuotedForTheShell() throws Exception {
        for (Architecture architecture : List.of(Architecture.of(0, 0), Architecture.of(1, 1))) {
            Path out = directory.resolve("arch-" + architecture + ".txt");
            evaluate(Map.of("command", "printf '%s' {architecture} > " + CommandLine.quote(out.toString()) + "; "
                    + METRICS, "shell", true), architecture);
            assertThat(Files.readString(out)).isEqualTo(HOSTILE.format(architecture));
            Path listed = directory.resolve("listed-" + architecture + ".txt");
            evaluate(Map.of("command", List.of("/bin/sh", "-c", "printf '%s' \"$1\" > \"$2\"; " + METRICS, "sh",
                    "{architecture}", listed.toString())), architecture);
            assertThat(Files.readString(listed)).isEqualTo(HOSTILE.format(architecture));
        }
        assertNoPwnFiles();
    }

    @Test
    void hostileEnvironmentValuesArePassedAsTheyAre() throws Exception {
        String value = "$(touch PWN7)';touch PWN8;'`touch PWN9`";
        Path out = directory.resolve("env.txt");
        evaluate(Map.of("command", "printf '%s' \"$HOSTILE\" > " + CommandLine.quote(out.toString()) + "; " + METRICS,
                "shell", true, "env", Map.of("HOSTILE", value)), Architecture.of(0, 0));
        assertThat(Files.readString(out)).isEqualTo(value);
        assertNoPwnFiles();
    }

    @Test
    void aOneElementListRunsAsIsEvenWithShellSyntaxInIt() throws Exception {
        Path program = Files.createDirectories(directory.resolve("bin;touch PWN10;")).resolve("train");
        Files.writeString(program, "#!/bin/sh\n" + METRICS + "\n");
        program.toFile().setExecutable(true);
        assertThat(evaluate(Map.of("command", List.of(program.toString())), Architecture.of(0, 0)).objective())
                .isEqualTo(0.5);
        assertNoPwnFiles();
    }

    @Test
    void theTimeoutKillsADoubleForkedGrandchild() throws Exception {
        String marker = marker();
        Path pid = directory.resolve("grandchild.pid");
        assertThatThrownBy(() -> evaluate(Map.of("command", List.of("/bin/sh", "-c",
                "(sleep " + marker + " & echo $! > \"$1\"); sleep " + marker, "sh", pid.toString()),
                "timeoutSeconds", 1), Architecture.of(0, 0)))
                .hasMessageContaining("ran longer than timeoutSeconds (1 s)");
        assertThat(Files.readString(pid).strip()).isNotEmpty();
        assertThat(processesWith(marker)).as("processes left, by ps").isEmpty();
    }

    @Test
    void helpersLeftRunningAfterTheCommandExitsAreKilled() throws Exception {
        String marker = marker();
        Metrics metrics = evaluate(Map.of("command", List.of("/bin/sh", "-c",
                "(sleep " + marker + " > /dev/null 2>&1 &); " + METRICS)), Architecture.of(0, 0));
        assertThat(metrics.objective()).isEqualTo(0.5);
        assertThat(processesWith(marker)).as("processes left, by ps").isEmpty();
    }

    @Test
    void moreStdoutThanTheBoundKillsTheCommandAndFailsTheTrial() {
        Path after = directory.resolve("printed-everything");
        assertThatThrownBy(() -> evaluate(Map.of("command", List.of("/bin/sh", "-c",
                "head -c 2000000000 /dev/zero; touch \"$1\"; " + METRICS, "sh", after.toString())),
                Architecture.of(0, 0)))
                .isInstanceOf(ExternalCommandException.class)
                .hasMessageContaining("printed more than maxStdoutBytes (8388608 bytes) on stdout and was killed");
        assertThat(after).as("the command was killed at the bound, not drained to its end").doesNotExist();
    }

    @Test
    void hundredsOfMegabytesOfStderrKeepOnlyTheTail() {
        assertThatThrownBy(() -> evaluate(Map.of("command", List.of("/bin/sh", "-c",
                "yes 'epoch 1 loss 0.1' | head -c 200000000 >&2; echo 'RuntimeError: the last words' >&2; exit 4")),
                Architecture.of(0, 0)))
                .isInstanceOf(ExternalCommandException.class)
                .hasMessageContaining("exited with code 4")
                .hasMessageEndingWith("RuntimeError: the last words")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(3000));
    }

    @Test
    void requestDirectoriesOfAJvmThatIsGoneAreDeletedByTheNextEvaluator() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.createDirectories(directory.resolve("layernas-" + gone.pid() + "-trial-3-123"));
        Files.writeString(stale.resolve("request.json"), "{}");
        Path live = Files.createDirectories(directory.resolve("layernas-" + ProcessHandle.current().pid()
                + "-trial-4-456"));
        Path other = Files.createDirectories(directory.resolve("someone-elses"));
        provider().create(HOSTILE, settings(Map.of("command", List.of("true"), "scratchDir", directory.toString())));
        assertThat(stale).doesNotExist();
        assertThat(live).exists();
        assertThat(other).exists();
    }

    private Metrics evaluate(Map<String, ?> values, Architecture architecture) throws Exception {
        Map<String, Object> withDefaults = new HashMap<>(values);
        withDefaults.putIfAbsent("workingDir", directory.toString());
        return provider().create(HOSTILE, settings(withDefaults))
                .evaluate(new EvaluationRequest(HOSTILE, architecture, 1, 7, 1));
    }

    private Settings settings(Map<String, ?> values) {
        return new Settings("evaluator", values, directory);
    }

    private static io.layernas.api.EvaluatorProvider provider() {
        return new CommandEvaluatorProvider();
    }

    private void assertNoPwnFiles() throws IOException {
        for (Path where : List.of(directory, Path.of("").toAbsolutePath(), Path.of(System.getProperty("java.io.tmpdir")))) {
            try (Stream<Path> files = Files.list(where)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("PWN"));
            }
        }
    }

    /** A sleep duration no other process has in its arguments. */
    static String marker() {
        return "3000." + (System.nanoTime() % 1_000_000_000L);
    }

    /** The lines of {@code ps -eo pid,args} that contain {@code marker}. */
    static List<String> processesWith(String marker) throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("ps", "-eo", "pid=,stat=,args=").redirectErrorStream(true).start();
        String listing = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ps.waitFor();
        return listing.lines().filter(line -> line.contains(marker) && !line.contains(" Z")).toList();
    }
}
